using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MovieRec.Tests.Web;

/// <summary>Every JSON API route: answers, auth rules as JSON problems, antiforgery, and 4xx for bad input.</summary>
public class ApiTests(MovieRecAppFactory app) : IClassFixture<MovieRecAppFactory>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? detailPart = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(response);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        if (detailPart is not null) Assert.Contains(detailPart, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Movies_search_filters_sorts_and_pages()
    {
        var client = app.CreateBrowser();
        var byYear = await JsonAsync(await client.GetAsync("/api/movies?sort=year"));
        Assert.Equal(12, byYear.GetProperty("totalCount").GetInt32());
        Assert.Equal("Quiet Documentary (2010)", byYear.GetProperty("items")[0].GetProperty("title").GetString());

        var romance = await JsonAsync(await client.GetAsync("/api/movies?genre=Romance&q=paris"));
        Assert.Equal(1, romance.GetProperty("totalCount").GetInt32());
        Assert.Equal(7, romance.GetProperty("items")[0].GetProperty("id").GetInt32());

        await AssertProblemAsync(await client.GetAsync("/api/movies?sort=sideways"), HttpStatusCode.BadRequest, "sort must be one of");
        await AssertProblemAsync(await client.GetAsync("/api/movies?page=0"), HttpStatusCode.BadRequest, "page counts from 1");
        await AssertProblemAsync(await client.GetAsync("/api/movies?genre=Western"), HttpStatusCode.BadRequest, "no genre");
        await AssertProblemAsync(await client.GetAsync("/api/movies?q=" + new string('x', 300)), HttpStatusCode.BadRequest, "at most 200");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/movies?page=abc")).StatusCode);
    }

    [Fact]
    public async Task Movies_search_by_tag_and_ignores_case_accents_and_punctuation()
    {
        var client = app.CreateBrowser();
        var ghosts = await JsonAsync(await client.GetAsync("/api/movies?tag=GHOSTS"));
        Assert.Equal([10], ghosts.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
        var mill = await JsonAsync(await client.GetAsync("/api/movies?q=HAUNTED-m%C3%ACll"));
        Assert.Equal([10], mill.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
        await AssertProblemAsync(await client.GetAsync("/api/movies?tag=" + new string('x', 300)), HttpStatusCode.BadRequest, "at most 200");
    }

    [Fact]
    public async Task Suggest_offers_titles_containing_the_text_then_near_ones_and_refuses_bad_input()
    {
        var client = app.CreateBrowser();
        var laser = await JsonAsync(await client.GetAsync("/api/movies/suggest?q=LASER"));
        Assert.Equal("LASER", laser.GetProperty("query").GetString());
        var first = laser.GetProperty("items")[0];
        Assert.Equal((1, "Laser Quest (1990)", 1990, "contains"),
            (first.GetProperty("id").GetInt32(), first.GetProperty("title").GetString(), first.GetProperty("year").GetInt32(), first.GetProperty("match").GetString()));
        Assert.True(first.GetProperty("ratingCount").GetInt32() > 0);

        var typo = await JsonAsync(await client.GetAsync("/api/movies/suggest?q=robot%20uprisng&n=1"));
        Assert.Equal(1, typo.GetProperty("items").GetArrayLength());
        Assert.Equal((2, "near"), (typo.GetProperty("items")[0].GetProperty("id").GetInt32(), typo.GetProperty("items")[0].GetProperty("match").GetString()));

        var nothing = await JsonAsync(await client.GetAsync("/api/movies/suggest?q=qqqzzzxxx"));
        Assert.Equal(0, nothing.GetProperty("items").GetArrayLength());

        await AssertProblemAsync(await client.GetAsync("/api/movies/suggest"), HttpStatusCode.BadRequest, "q is required");
        await AssertProblemAsync(await client.GetAsync("/api/movies/suggest?q=%20%20"), HttpStatusCode.BadRequest, "q is required");
        await AssertProblemAsync(await client.GetAsync("/api/movies/suggest?q=" + new string('x', 101)), HttpStatusCode.BadRequest, "at most 100");
        await AssertProblemAsync(await client.GetAsync("/api/movies/suggest?q=a%07b"), HttpStatusCode.BadRequest, "control characters");
        await AssertProblemAsync(await client.GetAsync("/api/movies/suggest?q=up&n=21"), HttpStatusCode.BadRequest, "between 1 and 20");
        await AssertProblemAsync(await client.GetAsync("/api/movies/suggest?q=up&n=x"), HttpStatusCode.BadRequest, "whole number");
    }

    [Fact]
    public async Task One_movie_with_links_and_unknown_ids_are_404()
    {
        var client = app.CreateBrowser();
        var movie = await JsonAsync(await client.GetAsync("/api/movies/1"));
        Assert.Equal("Laser Quest (1990)", movie.GetProperty("title").GetString());
        Assert.Equal("https://www.imdb.com/title/tt0000101/", movie.GetProperty("imdbUrl").GetString());
        Assert.Equal("https://www.themoviedb.org/movie/9001", movie.GetProperty("tmdbUrl").GetString());
        Assert.True(movie.GetProperty("ratingCount").GetInt32() > 0);
        Assert.Equal(JsonValueKind.Null, movie.GetProperty("yourRating").ValueKind);
        await AssertProblemAsync(await client.GetAsync("/api/movies/424242"), HttpStatusCode.NotFound, "424242");
    }

    [Fact]
    public async Task Similar_movies_come_from_the_model_and_n_is_checked()
    {
        var client = app.CreateBrowser();
        var similar = await JsonAsync(await client.GetAsync("/api/movies/1/similar?n=3"));
        Assert.Equal("ratings", similar.GetProperty("basis").GetString());
        var ids = similar.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(3, ids.Count);
        Assert.DoesNotContain(1, ids);
        await AssertProblemAsync(await client.GetAsync("/api/movies/1/similar?n=0"), HttpStatusCode.BadRequest, "between 1 and");
        await AssertProblemAsync(await client.GetAsync("/api/movies/1/similar?n=5000"), HttpStatusCode.BadRequest, "between 1 and");
        await AssertProblemAsync(await client.GetAsync("/api/movies/999/similar"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Popular_lists_the_most_rated_with_damped_means()
    {
        var client = app.CreateBrowser();
        var popular = (await JsonAsync(await client.GetAsync("/api/popular?n=5"))).EnumerateArray().ToList();
        Assert.Equal(5, popular.Count);
        var counts = popular.Select(p => p.GetProperty("ratingCount").GetInt32()).ToList();
        Assert.Equal(counts.OrderByDescending(c => c), counts);
        Assert.All(popular, p => Assert.InRange(p.GetProperty("dampedMean").GetDouble(), 0.5, 5.0));
        await AssertProblemAsync(await client.GetAsync("/api/popular?n=-1"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Personal_routes_answer_401_problems_when_signed_out_never_a_redirect()
    {
        var client = app.CreateBrowser();
        await AssertProblemAsync(await client.GetAsync("/api/recommendations"), HttpStatusCode.Unauthorized, "Log in");
        await AssertProblemAsync(await client.GetAsync("/api/me/ratings"), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await client.SendWithTokenAsync(HttpMethod.Put, "/api/ratings/1", new { rating = 4 }), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await client.SendWithTokenAsync(HttpMethod.Post, "/api/admin/reload"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Recommendations_follow_new_ratings_at_once_and_skip_rated_movies()
    {
        var client = await app.SignedInBrowserAsync();
        var before = await JsonAsync(await client.GetAsync("/api/recommendations?n=5"));
        Assert.Equal("popular", before.GetProperty("kind").GetString());
        Assert.Equal(5, before.GetProperty("popular").GetArrayLength());

        Assert.Equal(HttpStatusCode.OK, (await client.RateAsync(6, 5.0)).StatusCode);
        var after = await JsonAsync(await client.GetAsync("/api/recommendations?n=20"));
        Assert.Equal("personal", after.GetProperty("kind").GetString());
        var ids = after.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(11, ids.Count);
        Assert.DoesNotContain(6, ids);
        Assert.All(after.GetProperty("items").EnumerateArray(), p => Assert.InRange(p.GetProperty("predictedRating").GetDouble(), 0.5, 5.0));

        // A second rating changes the fold-in at once: the newly rated movie leaves the picks.
        await client.RateAsync(ids[0], 1.0);
        var again = await JsonAsync(await client.GetAsync("/api/recommendations?n=20"));
        Assert.DoesNotContain(ids[0], again.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()));

        await AssertProblemAsync(await client.GetAsync("/api/recommendations?n=101"), HttpStatusCode.BadRequest, "between 1 and 100");
    }

    [Fact]
    public async Task Ratings_are_put_listed_and_deleted()
    {
        var client = await app.SignedInBrowserAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.RateAsync(8, 3.5)).StatusCode);
        var mine = (await JsonAsync(await client.GetAsync("/api/me/ratings"))).EnumerateArray().Single();
        Assert.Equal(8, mine.GetProperty("movieId").GetInt32());
        Assert.Equal(3.5, mine.GetProperty("rating").GetDouble());
        Assert.Equal(3.5, (await JsonAsync(await client.GetAsync("/api/movies/8"))).GetProperty("yourRating").GetDouble());

        Assert.Equal(HttpStatusCode.NoContent, (await client.SendWithTokenAsync(HttpMethod.Delete, "/api/ratings/8")).StatusCode);
        Assert.Equal(0, (await JsonAsync(await client.GetAsync("/api/me/ratings"))).GetArrayLength());
        await AssertProblemAsync(await client.SendWithTokenAsync(HttpMethod.Delete, "/api/ratings/8"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(5.5)]
    [InlineData(3.3)]
    [InlineData(-1.0)]
    public async Task Ratings_off_the_half_star_scale_are_400(double rating)
    {
        var client = await app.SignedInBrowserAsync();
        await AssertProblemAsync(await client.RateAsync(1, rating), HttpStatusCode.BadRequest, "0.5, 1.0, ... 5.0");
    }

    [Fact]
    public async Task Bad_rating_bodies_and_unknown_movies_are_4xx_with_a_message()
    {
        var client = await app.SignedInBrowserAsync();
        string token = await client.ApiTokenAsync();
        async Task<HttpResponseMessage> Put(string url, string body)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-CSRF-TOKEN", token);
            return await client.SendAsync(request);
        }
        await AssertProblemAsync(await Put("/api/ratings/1", "{\"rating\": 4.5"), HttpStatusCode.BadRequest, "JSON");
        await AssertProblemAsync(await Put("/api/ratings/1", "{\"rating\": \"five\"}"), HttpStatusCode.BadRequest, "JSON");
        await AssertProblemAsync(await Put("/api/ratings/1", "{}"), HttpStatusCode.BadRequest, "must give a rating");
        await AssertProblemAsync(await Put("/api/ratings/777", "{\"rating\": 4.5}"), HttpStatusCode.NotFound, "777");
        await AssertProblemAsync(await Put("/api/ratings/1", "{\"rating\": 4.5, \"pad\": \"" + new string('x', 10_000) + "\"}"),
            HttpStatusCode.RequestEntityTooLarge, "at most");
    }

    [Fact]
    public async Task State_changing_calls_without_the_antiforgery_header_are_400()
    {
        var client = await app.SignedInBrowserAsync();
        var put = await client.PutAsJsonAsync("/api/ratings/1", new { rating = 4.0 });
        await AssertProblemAsync(put, HttpStatusCode.BadRequest, "X-CSRF-TOKEN");
        var delete = await client.DeleteAsync("/api/ratings/1");
        await AssertProblemAsync(delete, HttpStatusCode.BadRequest, "X-CSRF-TOKEN");
        Assert.Equal(0, (await JsonAsync(await client.GetAsync("/api/me/ratings"))).GetArrayLength());
    }

    [Fact]
    public async Task Reload_is_for_admins_only()
    {
        var client = await app.SignedInBrowserAsync();
        await AssertProblemAsync(await client.SendWithTokenAsync(HttpMethod.Post, "/api/admin/reload"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Health_reports_the_store_and_the_model()
    {
        var health = await JsonAsync(await app.CreateBrowser().GetAsync("/health"));
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("store").GetProperty("reachable").GetBoolean());
        Assert.Equal(12, health.GetProperty("store").GetProperty("movies").GetInt32());
        Assert.True(health.GetProperty("model").GetProperty("loaded").GetBoolean());
        Assert.Matches("^[0-9a-f]{64}$", health.GetProperty("model").GetProperty("checksum").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_routes()
    {
        var document = await JsonAsync(await app.CreateBrowser().GetAsync("/openapi/v1.json"));
        var paths = document.GetProperty("paths");
        foreach (string path in new[] { "/api/movies", "/api/movies/{id}", "/api/movies/{id}/similar", "/api/popular",
                     "/api/recommendations", "/api/ratings/{movieId}", "/api/me/ratings", "/api/admin/reload", "/health" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
    }
}
