using System.Net;
using System.Text.Json;

namespace MovieRec.Tests.Web;

/// <summary>/api/me/hidden and /api/me/watchlist: idempotent writes, 404 for unknown movies, antiforgery, and hidden movies kept out of picks and similar lists.</summary>
public class PersonListApiTests(MovieRecAppFactory app) : IClassFixture<MovieRecAppFactory>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static List<int> Ids(JsonElement array) => array.EnumerateArray().Select(m => m.GetProperty("id").GetInt32()).ToList();

    [Theory]
    [InlineData("hidden")]
    [InlineData("watchlist")]
    public async Task Adding_and_removing_twice_answers_the_same_and_changes_once(string list)
    {
        var client = await app.SignedInBrowserAsync();

        var first = await JsonAsync(await client.SendWithTokenAsync(HttpMethod.Put, $"/api/me/{list}/3"));
        var repeat = await JsonAsync(await client.SendWithTokenAsync(HttpMethod.Put, $"/api/me/{list}/3"));
        Assert.True(first.GetProperty("onList").GetBoolean());
        Assert.True(first.GetProperty("changed").GetBoolean());
        Assert.True(repeat.GetProperty("onList").GetBoolean());
        Assert.False(repeat.GetProperty("changed").GetBoolean());
        Assert.Equal([3], Ids(await JsonAsync(await client.GetAsync($"/api/me/{list}"))));

        var removed = await JsonAsync(await client.SendWithTokenAsync(HttpMethod.Delete, $"/api/me/{list}/3"));
        var removedAgain = await JsonAsync(await client.SendWithTokenAsync(HttpMethod.Delete, $"/api/me/{list}/3"));
        Assert.True(removed.GetProperty("changed").GetBoolean());
        Assert.False(removedAgain.GetProperty("changed").GetBoolean());
        Assert.False(removedAgain.GetProperty("onList").GetBoolean());
        Assert.Empty(Ids(await JsonAsync(await client.GetAsync($"/api/me/{list}"))));
    }

    [Theory]
    [InlineData("hidden")]
    [InlineData("watchlist")]
    public async Task Unknown_movies_are_404_problems_and_writes_need_the_token_and_a_sign_in(string list)
    {
        var client = await app.SignedInBrowserAsync();
        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Delete })
        {
            var response = await client.SendWithTokenAsync(method, $"/api/me/{list}/424242");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("424242", await response.Content.ReadAsStringAsync());
        }

        var noToken = await client.PutAsync($"/api/me/{list}/3", null);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Contains("antiforgery", await noToken.Content.ReadAsStringAsync());
        Assert.Empty(Ids(await JsonAsync(await client.GetAsync($"/api/me/{list}"))));

        var visitor = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.GetAsync($"/api/me/{list}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.SendWithTokenAsync(HttpMethod.Put, $"/api/me/{list}/3")).StatusCode);
    }

    [Fact]
    public async Task A_hidden_movie_leaves_the_picks_the_popular_fallback_and_similar_lists_and_returns_when_shown_again()
    {
        var client = await app.SignedInBrowserAsync();

        var popular = await JsonAsync(await client.GetAsync("/api/recommendations?n=3"));
        int topPopular = popular.GetProperty("popular")[0].GetProperty("id").GetInt32();
        await JsonAsync(await client.SendWithTokenAsync(HttpMethod.Put, $"/api/me/hidden/{topPopular}"));
        var fallback = await JsonAsync(await client.GetAsync("/api/recommendations?n=20"));
        Assert.DoesNotContain(topPopular, Ids(fallback.GetProperty("popular")));
        await JsonAsync(await client.SendWithTokenAsync(HttpMethod.Delete, $"/api/me/hidden/{topPopular}"));

        await client.WaitForModelAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.RateAsync(6, 5.0)).StatusCode);
        var picks = Ids((await JsonAsync(await client.GetAsync("/api/recommendations?n=20"))).GetProperty("items"));
        var similarAll = Ids((await JsonAsync(await client.GetAsync("/api/movies/1/similar?n=50"))).GetProperty("items"));
        int hiddenPick = picks[0];
        int hiddenSimilar = similarAll.First(id => id != hiddenPick);
        int[] hidden = [hiddenPick, hiddenSimilar];

        await JsonAsync(await client.SendWithTokenAsync(HttpMethod.Put, $"/api/me/hidden/{hiddenPick}"));
        await JsonAsync(await client.SendWithTokenAsync(HttpMethod.Put, $"/api/me/hidden/{hiddenSimilar}"));

        // The same person, so the same ranking: exactly the hidden movies are gone.
        var picksAfter = Ids((await JsonAsync(await client.GetAsync("/api/recommendations?n=20"))).GetProperty("items"));
        Assert.Equal(picks.Where(id => !hidden.Contains(id)), picksAfter);
        var similarAfter = Ids((await JsonAsync(await client.GetAsync("/api/movies/1/similar?n=5"))).GetProperty("items"));
        Assert.Equal(similarAll.Where(id => !hidden.Contains(id)).Take(5), similarAfter);

        // Someone else still sees the hidden movie among the similar ones: the shared cache is not filtered.
        Assert.Contains(hiddenSimilar, Ids((await JsonAsync(await app.CreateBrowser().GetAsync("/api/movies/1/similar?n=5"))).GetProperty("items")));

        await JsonAsync(await client.SendWithTokenAsync(HttpMethod.Delete, $"/api/me/hidden/{hiddenPick}"));
        Assert.Contains(hiddenPick, Ids((await JsonAsync(await client.GetAsync("/api/recommendations?n=20"))).GetProperty("items")));
    }
}
