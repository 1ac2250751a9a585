using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MovieRec.Tests.Web;

/// <summary>/api/me/settings, the step parameter of /api/recommendations, the watch-list flag of a rating's answer, and the pages that save settings.</summary>
public class PersonSettingsApiTests(MovieRecAppFactory app) : IClassFixture<MovieRecAppFactory>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Settings_start_at_the_defaults_and_a_put_changes_only_the_fields_it_gives()
    {
        var client = await app.SignedInBrowserAsync();

        var before = await JsonAsync(await client.GetAsync("/api/me/settings"));
        Assert.Equal(3, before.GetProperty("familiarNewStep").GetInt32());
        Assert.Equal("Balanced", before.GetProperty("familiarNewName").GetString());
        Assert.False(before.GetProperty("onboardingDone").GetBoolean());

        await JsonAsync(await client.SendWithTokenAsync(HttpMethod.Put, "/api/me/settings", new { favouriteGenres = new[] { "Comedy" } }));
        var after = await JsonAsync(await client.SendWithTokenAsync(HttpMethod.Put, "/api/me/settings", new { familiarNewStep = 5 }));

        Assert.Equal(5, after.GetProperty("familiarNewStep").GetInt32());
        Assert.Equal(["Comedy"], after.GetProperty("favouriteGenres").EnumerateArray().Select(g => g.GetString()));
        var read = await JsonAsync(await client.GetAsync("/api/me/settings"));
        Assert.Equal(5, read.GetProperty("familiarNewStep").GetInt32());
        Assert.Equal("Comedy", read.GetProperty("favouriteGenres")[0].GetString());
    }

    [Theory]
    [InlineData("{\"familiarNewStep\": 9}", "from 1 (familiar) to 5 (new)")]
    [InlineData("{\"favouriteGenres\": [\"Space Opera\"]}", "Space Opera")]
    [InlineData("{\"familiarNewStep\": \"x\"}", "JSON like")]
    [InlineData("not json", "JSON like")]
    public async Task Bad_settings_are_400_problems_and_change_nothing(string body, string message)
    {
        var client = await app.SignedInBrowserAsync();
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/me/settings") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-CSRF-TOKEN", await client.ApiTokenAsync());

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(3, (await JsonAsync(await client.GetAsync("/api/me/settings"))).GetProperty("familiarNewStep").GetInt32());
    }

    [Fact]
    public async Task Writes_need_the_token_and_a_sign_in()
    {
        var client = await app.SignedInBrowserAsync();
        var noToken = await client.PutAsync("/api/me/settings", JsonContent.Create(new { familiarNewStep = 1 }));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Contains("antiforgery", await noToken.Content.ReadAsStringAsync());

        var visitor = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.GetAsync("/api/me/settings")).StatusCode);
    }

    [Fact]
    public async Task The_step_parameter_of_picks_is_checked_and_changes_the_list()
    {
        var client = await app.SignedInBrowserAsync();
        await client.WaitForModelAsync();
        foreach (int movieId in new[] { 1, 2, 3 })
            Assert.Equal(HttpStatusCode.OK, (await client.RateAsync(movieId, 5.0)).StatusCode);

        var bad = await client.GetAsync("/api/recommendations?step=6");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("step must be", await bad.Content.ReadAsStringAsync());

        var familiar = await JsonAsync(await client.GetAsync("/api/recommendations?n=10&step=1"));
        var adventurous = await JsonAsync(await client.GetAsync("/api/recommendations?n=10&step=5"));
        Assert.Equal("personal", familiar.GetProperty("kind").GetString());
        Assert.NotEqual(
            familiar.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()),
            adventurous.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
        Assert.All(familiar.GetProperty("items").EnumerateArray(), item => Assert.True(item.TryGetProperty("reason", out _)));
    }

    [Fact]
    public async Task A_ratings_answer_says_whether_the_movie_is_on_the_watch_list()
    {
        var client = await app.SignedInBrowserAsync();
        await JsonAsync(await client.SendWithTokenAsync(HttpMethod.Put, "/api/me/watchlist/4"));

        var onList = await JsonAsync(await client.RateAsync(4, 4.0));
        var offList = await JsonAsync(await client.RateAsync(5, 4.0));

        Assert.True(onList.GetProperty("onWatchList").GetBoolean());
        Assert.False(offList.GetProperty("onWatchList").GetBoolean());
    }

    [Fact]
    public async Task A_plain_form_rating_of_a_watch_listed_movie_offers_its_removal_on_the_page_it_returns_to()
    {
        var client = await app.SignedInBrowserAsync();
        await JsonAsync(await client.SendWithTokenAsync(HttpMethod.Put, "/api/me/watchlist/4"));

        var rated = await client.PostFormAsync("/Ratings?handler=Rate", new Dictionary<string, string> { ["movieId"] = "4", ["rating"] = "4.5", ["returnUrl"] = "/Movies" });
        Assert.Equal(HttpStatusCode.Redirect, rated.StatusCode);
        var page = await client.GetStringAsync("/Movies");
        var again = await client.GetStringAsync("/Movies");

        Assert.Contains("data-watchlist-offer=\"4\"", page);
        Assert.Contains("which is on your watch-list", page);
        // Offered once: the next page no longer asks.
        Assert.DoesNotContain("data-watchlist-offer=\"4\"", again);
    }

    [Fact]
    public async Task The_picks_page_control_saves_the_step_and_a_bad_step_is_refused()
    {
        var client = await app.SignedInBrowserAsync();

        var saved = await client.PostFormAsync("/Picks?handler=FamiliarNew", new Dictionary<string, string> { ["step"] = "4" });
        var refused = await client.PostFormAsync("/Picks?handler=FamiliarNew", new Dictionary<string, string> { ["step"] = "0" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(4, (await JsonAsync(await client.GetAsync("/api/me/settings"))).GetProperty("familiarNewStep").GetInt32());
    }

    [Fact]
    public async Task The_first_steps_page_saves_genres_then_offers_movies_of_them_and_finishing_ends_the_invitation()
    {
        var client = await app.SignedInBrowserAsync();
        Assert.Contains("data-section=\"onboarding-invite\"", await client.GetStringAsync("/"));
        Assert.Contains("data-section=\"onboarding-genres\"", await client.GetStringAsync("/Onboarding"));

        var chosen = await client.PostFormAsync("/Onboarding?handler=Genres", new Dictionary<string, string> { ["genres"] = "Comedy" });
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        var rating = await client.GetStringAsync(chosen.Headers.Location!.OriginalString);
        Assert.Contains("data-section=\"onboarding-movies\"", rating);
        Assert.Contains("0 of 10", rating);
        Assert.Contains("Well-known Comedy movies", rating);

        var finished = await client.PostFormAsync("/Onboarding?handler=Finish", new Dictionary<string, string>(), withToken: true);
        Assert.Equal(HttpStatusCode.Redirect, finished.StatusCode);
        Assert.DoesNotContain("data-section=\"onboarding-invite\"", await client.GetStringAsync("/"));
        Assert.True((await JsonAsync(await client.GetAsync("/api/me/settings"))).GetProperty("onboardingDone").GetBoolean());
    }
}
