using System.Net;

namespace MovieRec.Tests.Web;

/// <summary>Every page answers, shows what it should, and keeps its auth rules.</summary>
public class PageTests(MovieRecAppFactory app) : IClassFixture<MovieRecAppFactory>
{
    [Fact]
    public async Task Home_signed_out_shows_the_popularity_chart_and_movies_to_rate()
    {
        var client = app.CreateBrowser();
        string html = await client.GetStringAsync("/");
        Assert.Contains("data-section=\"popular-chart\"", html);
        Assert.Contains("<svg", html);
        Assert.Contains("ratings</text>", html);
        Assert.Contains("data-section=\"starters\"", html);
        // The starter list mixes genres: an action movie and a romance are both offered.
        Assert.Contains("Laser Quest (1990)", html);
        Assert.Contains("Wedding Mixup (1993)", html);
    }

    [Fact]
    public async Task Home_with_ratings_shows_picks_with_a_reason_and_never_a_rated_movie()
    {
        var client = await app.SignedInBrowserAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.RateAsync(1, 5.0)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.RateAsync(2, 4.5)).StatusCode);

        string html = await client.GetStringAsync("/");
        Assert.Contains("data-section=\"picks\"", html);
        Assert.Contains("Predicted rating", html);
        Assert.Contains("Because you rated", html);
        int picks = html.IndexOf("data-section=\"picks\"", StringComparison.Ordinal);
        string pickList = html[picks..html.IndexOf("</ol>", picks, StringComparison.Ordinal)];
        Assert.DoesNotContain("class=\"movie-link\" href=\"/Movies/Details/1\"", pickList);
        Assert.DoesNotContain("class=\"movie-link\" href=\"/Movies/Details/2\"", pickList);
        // Ten movies are left unrated, and an action fan's first pick is another action or sci-fi movie.
        var picked = System.Text.RegularExpressions.Regex.Matches(pickList, "class=\"movie-link\" href=\"/Movies/Details/(\\d+)\"")
            .Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(10, picked.Count);
        Assert.Contains(picked[0], new[] { 3, 4, 5, 10 });
    }

    [Fact]
    public async Task Movies_page_searches_filters_sorts_and_pages()
    {
        var client = app.CreateBrowser();
        string search = await client.GetStringAsync("/Movies?q=robot");
        Assert.Contains("Robot Uprising (1995)", search);
        Assert.DoesNotContain("Wedding Mixup", search);

        string genre = await client.GetStringAsync("/Movies?genre=Romance&sort=Title");
        Assert.Contains("Love in Paris (1997)", genre);
        Assert.DoesNotContain("Laser Quest", genre);
        Assert.True(genre.IndexOf("Love in Paris", StringComparison.Ordinal) < genre.IndexOf("Second Chances", StringComparison.Ordinal));

        string unknownGenre = await client.GetStringAsync("/Movies?genre=%3Cscript%3E");
        Assert.Contains("There is no genre", unknownGenre);
        Assert.DoesNotContain("<script>", unknownGenre);

        string pageTwo = await client.GetStringAsync("/Movies?p=2");
        // 12 movies fit on one page of 24: page 2 is empty but still a page, not an error.
        Assert.Contains("page 2 of 1", pageTwo);
    }

    [Fact]
    public async Task Movies_page_finds_by_tag_and_offers_the_nearest_titles_when_nothing_matches()
    {
        var client = app.CreateBrowser();
        string tagged = await client.GetStringAsync("/Movies?tag=Ghosts");
        Assert.Contains("Movies tagged “<bdi>Ghosts</bdi>”", tagged);
        Assert.Contains("Haunted Mill (1999)", tagged);
        Assert.DoesNotContain("Laser Quest", tagged);
        Assert.Contains("value=\"Ghosts\"", tagged);

        string typo = await client.GetStringAsync("/Movies?q=haunted%20mil");
        Assert.Contains("Haunted Mill (1999)", typo);
        string nearly = await client.GetStringAsync("/Movies?q=hauntd%20mill");
        Assert.Contains("No movie title contains “<bdi>hauntd mill</bdi>”", nearly);
        Assert.Contains("Did you mean one of these?", nearly);
        Assert.Matches("data-section=\"nearest-titles\">\\s*<li><a class=\"movie-link\" href=\"/Movies/Details/10\"", nearly);

        string nothing = await client.GetStringAsync("/Movies?q=qqqzzzxxx");
        Assert.Contains("Check the spelling", nothing);
        Assert.DoesNotContain("Did you mean", nothing);
        string noTag = await client.GetStringAsync("/Movies?tag=%3Cb%3Enone");
        Assert.Contains("No movie has the tag", noTag);
        Assert.DoesNotContain("<b>none", noTag);
    }

    [Fact]
    public async Task Movie_details_show_facts_links_and_similar_movies()
    {
        var client = app.CreateBrowser();
        string html = await client.GetStringAsync("/Movies/Details/1");
        Assert.Contains("Laser Quest (1990)", html);
        Assert.Contains("Action, Sci-Fi", html);
        Assert.Contains("lasers", html);
        Assert.Contains("https://www.imdb.com/title/tt0000101/", html);
        Assert.Contains("https://www.themoviedb.org/movie/9001", html);
        Assert.Contains("data-section=\"similar\"", html);
        Assert.Contains("Liked by the same people.", html);
        Assert.Contains("Log in</a> to rate", html);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Movies/Details/999999")).StatusCode);
    }

    [Fact]
    public async Task Movie_details_show_your_rating_in_the_star_widget()
    {
        var client = await app.SignedInBrowserAsync();
        await client.RateAsync(3, 3.5);
        string html = await client.GetStringAsync("/Movies/Details/3");
        Assert.Contains("Your rating: 3.5", html);
        Assert.Contains("value=\"3.5\" checked=\"checked\"", html);
        Assert.Contains("type=\"radio\"", html);
    }

    [Fact]
    public async Task My_ratings_lists_changes_and_deletes_by_plain_form_posts()
    {
        var client = await app.SignedInBrowserAsync();
        var rate = await client.PostFormAsync("/Ratings?handler=Rate",
            new Dictionary<string, string> { ["movieId"] = "6", ["rating"] = "4.5", ["returnUrl"] = "/Ratings" });
        Assert.Equal(HttpStatusCode.Redirect, rate.StatusCode);
        Assert.Contains("Wedding Mixup (1993)", await client.GetStringAsync("/Ratings"));

        var change = await client.PostFormAsync("/Ratings?handler=Rate",
            new Dictionary<string, string> { ["movieId"] = "6", ["rating"] = "2.0", ["returnUrl"] = "https://evil.example/" });
        Assert.Equal("/Ratings", change.Headers.Location?.OriginalString);
        Assert.Contains("Your rating: 2.0", await client.GetStringAsync("/Ratings"));

        var bad = await client.PostFormAsync("/Ratings?handler=Rate",
            new Dictionary<string, string> { ["movieId"] = "6", ["rating"] = "7" });
        // Refused on the spot: 400 with the list and the reason, nothing stored.
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Choose a rating from 0.5 to 5 stars.", await bad.Content.ReadAsStringAsync());
        Assert.Contains("Your rating: 2.0", await client.GetStringAsync("/Ratings"));

        var delete = await client.PostFormAsync("/Ratings?handler=Delete", new Dictionary<string, string> { ["movieId"] = "6" });
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.DoesNotContain("data-movie-card=\"6\"", await client.GetStringAsync("/Ratings"));
    }

    [Fact]
    public async Task My_ratings_needs_a_login()
    {
        var response = await app.CreateBrowser().GetAsync("/Ratings");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/Account/Login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Model_status_shows_the_model_its_curve_and_the_provider_to_an_administrator()
    {
        var admin = await app.AdminBrowserAsync();
        string html = await admin.GetStringAsync("/Model");
        Assert.Contains("data-section=\"active-model\"", html);
        Assert.Matches("data-field=\"checksum\">[0-9a-f]{64}<", html);
        Assert.Contains("<polyline", html);
        Assert.Contains("Typical error on held-out ratings", html);
        Assert.Contains("(as people are shown it", html);
        Assert.Contains(app.ModelPath, html);
        Assert.Contains(">Model</a>", html);
        Assert.DoesNotContain("NotNeeded", html);
        Assert.Contains("data-field=\"provider\"", html);
        Assert.Contains("Loaded", html);
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        var client = await app.SignedInBrowserAsync();
        var response = await client.PostFormAsync("/Ratings?handler=Rate",
            new Dictionary<string, string> { ["movieId"] = "1", ["rating"] = "4.0" }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Pages_link_the_built_stylesheet()
    {
        var client = app.CreateBrowser();
        Assert.Contains("/css/site.css", await client.GetStringAsync("/Account/Login"));
        var css = await client.GetAsync("/css/site.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Contains(".stars", await css.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_visitor_and_a_normal_user_get_the_403_page_for_the_model_and_no_menu_link()
    {
        foreach (var client in new[] { app.CreateBrowser(), await app.SignedInBrowserAsync() })
        {
            var response = await client.GetAsync("/Model");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            string html = await response.Content.ReadAsStringAsync();
            Assert.Contains("The model page is for administrators.", html);
            Assert.DoesNotContain(app.ModelPath, html);
            Assert.DoesNotContain(">Model</a>", await client.GetStringAsync("/Movies"));
        }
    }

    [Theory]
    [InlineData("/Account/Login", "Log in")]
    [InlineData("/Account/Register", "Create account")]
    [InlineData("/Account/Logout", "Log out of MovieRec")]
    [InlineData("/Account/AccessDenied", "not allowed to open")]
    public async Task Account_pages_render_with_their_forms(string url, string text)
    {
        var response = await app.CreateBrowser().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(text, await response.Content.ReadAsStringAsync());
    }
}
