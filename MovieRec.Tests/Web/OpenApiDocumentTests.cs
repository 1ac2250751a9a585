using System.Text.Json;

namespace MovieRec.Tests.Web;

/// <summary>
/// Every API route documents its success and every error it can answer (from the handler's typed
/// results, or the pipeline's sign-in, antiforgery and body rules), errors as problem details.
/// </summary>
public sealed class OpenApiDocumentTests(MovieRecAppFactory app) : IClassFixture<MovieRecAppFactory>
{
    public static TheoryData<string, string, string[]> Routes => new()
    {
        { "/api/movies", "get", ["200", "400"] },
        { "/api/movies/suggest", "get", ["200", "400"] },
        { "/api/movies/{id}", "get", ["200", "404"] },
        { "/api/movies/{id}/similar", "get", ["200", "400", "404"] },
        { "/api/popular", "get", ["200", "400"] },
        { "/api/recommendations", "get", ["200", "400", "401"] },
        { "/api/ratings/{movieId}", "put", ["200", "400", "401", "404", "413", "415"] },
        { "/api/ratings/{movieId}", "delete", ["204", "400", "401", "404"] },
        { "/api/me/ratings", "get", ["200", "401"] },
        { "/api/me/hidden", "get", ["200", "401"] },
        { "/api/me/hidden/{movieId}", "put", ["200", "400", "401", "404"] },
        { "/api/me/hidden/{movieId}", "delete", ["200", "400", "401", "404"] },
        { "/api/me/watchlist", "get", ["200", "401"] },
        { "/api/me/watchlist/{movieId}", "put", ["200", "400", "401", "404"] },
        { "/api/me/watchlist/{movieId}", "delete", ["200", "400", "401", "404"] },
        { "/api/me/settings", "get", ["200", "401"] },
        { "/api/me/settings", "put", ["200", "400", "401", "413", "415"] },
        { "/api/admin/reload", "post", ["200", "400", "401", "403", "409"] },
        { "/api/admin/retrain", "post", ["202", "400", "401", "403", "409"] },
        { "/api/admin/retrain/status", "get", ["200", "401", "403"] },
        { "/health", "get", ["200", "503"] },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Each_route_documents_its_success_and_error_responses(string path, string method, string[] statuses)
    {
        using var document = JsonDocument.Parse(await app.CreateBrowser().GetStringAsync("/openapi/v1.json"));
        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty(path, out var item), $"{path} is missing");
        Assert.True(item.TryGetProperty(method, out var operation), $"{method.ToUpperInvariant()} {path} is missing");
        var responses = operation.GetProperty("responses");
        Assert.Equal(statuses.Order(), responses.EnumerateObject().Select(r => r.Name).Order());

        foreach (var response in responses.EnumerateObject())
        {
            if (response.Name == "204") continue;
            Assert.True(response.Value.TryGetProperty("content", out var content), $"{method} {path} {response.Name} has no body schema");
            if (response.Name.StartsWith('4'))
                Assert.True(content.TryGetProperty("application/problem+json", out _), $"{method} {path} {response.Name} is not a problem");
            else
                Assert.True(content.EnumerateObject().Single().Value.TryGetProperty("schema", out _), $"{method} {path} {response.Name} has no schema");
        }
    }
}
