using static System.Net.HttpStatusCode;
using static MovieRec.Tests.Web.Hostile.Expected;

namespace MovieRec.Tests.Web.Hostile;

/// <summary>Unknown, negative, zero, non-numeric and int-overflowing ids, counts and pages, in routes and query strings.</summary>
public static class IdAndPagingCases
{
    private const string TooBig = "99999999999";

    public static IEnumerable<HostileCase> All =>
    [
        new("API movie id -1", app => app.GetAsync("/api/movies/-1"), Problem(NotFound, "no movie with id -1")),
        new("API movie id 0", app => app.GetAsync("/api/movies/0"), Problem(NotFound, "no movie with id 0")),
        new("API movie id beyond int", app => app.GetAsync($"/api/movies/{TooBig}"), Problem(NotFound, "address")),
        new("API movie id abc", app => app.GetAsync("/api/movies/abc"), Problem(NotFound, "address")),
        new("API similar to movie 0 with n=-5", app => app.GetAsync("/api/movies/0/similar?n=-5"), Problem(BadRequest, "n must be between 1 and")),
        new("API similar with n=0", app => app.GetAsync("/api/movies/1/similar?n=0"), Problem(BadRequest, "n must be between 1 and")),
        new("API similar with n=100000", app => app.GetAsync("/api/movies/1/similar?n=100000"), Problem(BadRequest, "n must be between 1 and")),
        new("API similar with n beyond int", app => app.GetAsync($"/api/movies/1/similar?n={TooBig}"), Problem(BadRequest, "n must be a whole number")),
        new("API similar to an unknown movie", app => app.GetAsync("/api/movies/424242/similar"), Problem(NotFound, "424242")),
        new("API popular with n=-5", app => app.GetAsync("/api/popular?n=-5"), Problem(BadRequest, "n must be between 1 and")),
        new("API popular with n=abc", app => app.GetAsync("/api/popular?n=abc"), Problem(BadRequest, "n must be a whole number")),
        new("API recommendations with n=100000", app => app.GetAsync("/api/recommendations?n=100000", signedIn: true), Problem(BadRequest, "n must be between 1 and")),
        new("API search with page=-1", app => app.GetAsync("/api/movies?page=-1"), Problem(BadRequest, "page counts from 1")),
        new("API search with page=0", app => app.GetAsync("/api/movies?page=0"), Problem(BadRequest, "page counts from 1")),
        new("API search with page=abc", app => app.GetAsync("/api/movies?page=abc"), Problem(BadRequest, "page must be a whole number")),
        new("API search with page beyond int", app => app.GetAsync($"/api/movies?page={TooBig}"), Problem(BadRequest, "page must be a whole number")),
        new("API rating of movie -1", app => app.PutRatingAsync("{\"rating\": 4}", movieId: -1), Problem(NotFound, "no movie with id -1")),
        new("API rating of a movie id beyond int", app => app.VictimSendAsync(HttpMethod.Put, $"/api/ratings/{TooBig}", "{\"rating\": 4}"),
            Problem(NotFound, "address")),
        new("API delete of the rating of movie 0", app => app.VictimSendAsync(HttpMethod.Delete, "/api/ratings/0"), Problem(NotFound, "not rated movie 0")),
        new("details page of movie abc", app => app.GetAsync("/Movies/Details/abc"), PageRefused(NotFound, "address")),
        new("details page of movie -1", app => app.GetAsync("/Movies/Details/-1"), PageRefused(NotFound, "no movie with id -1")),
        new("details page of movie 0", app => app.GetAsync("/Movies/Details/0"), PageRefused(NotFound, "no movie with id 0")),
        new("details page of a movie id beyond int", app => app.GetAsync($"/Movies/Details/{TooBig}"), PageRefused(NotFound, "address")),
        new("movies page with p=-1", app => app.GetAsync("/Movies?p=-1"), FormAgain("count from 1")),
        new("movies page with p=abc", app => app.GetAsync("/Movies?p=abc"), FormAgain("not understood")),
        new("widget form post for movie abc", app => app.PostWidgetAsync("4.0", movieId: "abc"), PageRefused(NotFound, "no movie")),
        new("widget form post for movie -1", app => app.PostWidgetAsync("4.0", movieId: "-1"), PageRefused(NotFound, "no movie with id -1")),
        new("widget form post for a movie id beyond int", app => app.PostWidgetAsync("4.0", movieId: TooBig), PageRefused(NotFound, "no movie")),
    ];
}
