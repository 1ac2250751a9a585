using System.Net;

namespace MovieRec.Tests.Web;

/// <summary>The movie page over HTTP: poster, tags as links to the tag search, predicted rating for a signed-in person, poster cards.</summary>
public sealed class MoviePageTests(MovieRecAppFactory app) : IClassFixture<MovieRecAppFactory>
{
    [Fact]
    public async Task Tags_link_to_the_tag_search_and_the_poster_comes_from_the_apps_own_route()
    {
        string html = await app.CreateBrowser().GetStringAsync("/Movies/Details/1");

        Assert.Contains("href=\"/Movies?tag=lasers\"", html);
        Assert.Contains("<img src=\"/posters/1\"", html);
        // Similar movies are cards with a poster each.
        Assert.Matches("data-movie-card=\"\\d+\">\\s*<img src=\"/posters/\\d+\"", html);
        Assert.DoesNotContain("data-field=\"predicted\"", html);
    }

    [Fact]
    public async Task Signed_in_with_ratings_the_page_shows_the_rating_predicted_for_you()
    {
        var client = await app.SignedInBrowserAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.RateAsync(1, 5.0)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.RateAsync(2, 4.5)).StatusCode);
        await client.WaitForModelAsync();

        string html = await client.GetStringAsync("/Movies/Details/4");

        var predicted = System.Text.RegularExpressions.Regex.Match(html, "data-field=\"predicted\">(\\d\\.\\d) ");
        Assert.True(predicted.Success, "no predicted rating on the page");
        double value = double.Parse(predicted.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(value, 0.5, 5.0);
    }

    [Fact]
    public async Task Without_a_tmdb_key_the_poster_route_answers_the_generated_svg()
    {
        var response = await app.CreateBrowser().GetAsync("/posters/1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=300", response.Headers.CacheControl?.ToString());
        string svg = await response.Content.ReadAsStringAsync();
        Assert.Contains(">Laser Quest<", svg);
        Assert.Contains(">1990<", svg);

        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateBrowser().GetAsync("/posters/99999999")).StatusCode);
    }

    [Fact]
    public async Task The_api_sends_a_mean_rounded_as_the_page_shows_it()
    {
        var client = app.CreateBrowser();
        string html = await client.GetStringAsync("/Movies/Details/1");
        string shown = System.Text.RegularExpressions.Regex.Match(html, "data-field=\"mean\">(\\d\\.\\d) from").Groups[1].Value;

        using var detail = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/movies/1"));
        using var list = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/movies?q=Laser"));

        Assert.NotEmpty(shown);
        Assert.Equal(shown, detail.RootElement.GetProperty("meanRating").GetDouble().ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
        double listed = list.RootElement.GetProperty("items")[0].GetProperty("meanRating").GetDouble();
        Assert.Equal(Math.Round(listed, 1), listed);
        Assert.Equal(shown, listed.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
    }
}
