using static System.Net.HttpStatusCode;
using static MovieRec.Tests.Web.Hostile.Expected;

namespace MovieRec.Tests.Web.Hostile;

/// <summary>PUT /api/ratings/1 bodies that are too big, of the wrong JSON type, not JSON, or carry MongoDB operators.</summary>
public static class RatingBodyCases
{
    private static readonly string Padding = new('x', 10_000);

    public static IEnumerable<HostileCase> All =>
    [
        new("API body of 10 KB with its length declared", app => app.PutRatingAsync($"{{\"rating\": 4.5, \"pad\": \"{Padding}\"}}"),
            Problem(RequestEntityTooLarge, "at most")),
        new("API body of 10 KB sent chunked, length unknown", app => app.VictimSendAsync(HttpMethod.Put, "/api/ratings/1",
            $"{{\"rating\": 4.5, \"pad\": \"{Padding}\"}}", chunked: true), Problem(RequestEntityTooLarge, "body")),
        new("rating as a JSON string \"4.5\"", app => app.PutRatingAsync("{\"rating\": \"4.5\"}"), Problem(BadRequest, "JSON")),
        new("rating true", app => app.PutRatingAsync("{\"rating\": true}"), Problem(BadRequest, "JSON")),
        new("rating null", app => app.PutRatingAsync("{\"rating\": null}"), Problem(BadRequest, "must give a rating")),
        new("body is an empty array", app => app.PutRatingAsync("[]"), Problem(BadRequest, "JSON")),
        new("body is an empty object", app => app.PutRatingAsync("{}"), Problem(BadRequest, "must give a rating")),
        new("body is empty", app => app.PutRatingAsync(""), Problem(BadRequest, "JSON")),
        new("rating in an array [4.5]", app => app.PutRatingAsync("{\"rating\": [4.5]}"), Problem(BadRequest, "JSON")),
        new("rating 1e400, a number beyond double", app => app.PutRatingAsync("{\"rating\": 1e400}"), Problem(BadRequest, "0.5, 1.0, ... 5.0")),
        new("rating with MongoDB operator {\"$gt\": \"\"}", app => app.PutRatingAsync("{\"rating\": {\"$gt\": \"\"}}"), Problem(BadRequest, "JSON")),
        new("body with MongoDB operator {\"$where\": \"1\"}", app => app.PutRatingAsync("{\"$where\": \"1\"}"), Problem(BadRequest, "must give a rating")),
        new("rating posted as form data, not JSON", app => app.VictimSendAsync(HttpMethod.Put, "/api/ratings/1", "rating=4.5",
            "application/x-www-form-urlencoded"), Problem(UnsupportedMediaType, "application/json")),
        new("rating body with a script tag as the value", app => app.PutRatingAsync($"{{\"rating\": \"{HostileRequests.Script}\"}}"),
            Problem(BadRequest, "JSON").NeverRaw(HostileRequests.Script)),
    ];
}
