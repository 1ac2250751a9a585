using MovieRec.Web.Recommendations;

namespace MovieRec.Web.Posters;

/// <summary>GET /posters/{movieId}: the movie's poster, from TMDb's cache or generated (see <see cref="PosterService"/>).</summary>
public static class PosterEndpoints
{
    public const string Route = "/posters/{movieId:int}";

    public static string UrlOf(int movieId) => $"/posters/{movieId}";

    public static IEndpointRouteBuilder MapPosters(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route, GetAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> GetAsync(int movieId, MovieDetailsCache movies, PosterService posters, HttpContext context, CancellationToken cancellationToken)
    {
        var found = await movies.GetManyAsync([movieId], cancellationToken);
        if (!found.TryGetValue(movieId, out var movie)) return Results.NotFound();
        var poster = await posters.GetAsync(movie, cancellationToken);
        // A generated poster may be replaced by TMDb's once it answers: kept briefly. Pictures are
        // kept a day. Both are public: nothing in a poster depends on who asks.
        context.Response.Headers.CacheControl = poster.IsGenerated ? "public, max-age=300" : "public, max-age=86400";
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        if (poster.Svg is { } svg) return Results.Text(svg, "image/svg+xml; charset=utf-8");
        if (poster.Bytes is { } bytes) return Results.Bytes(bytes, poster.ContentType);
        return Results.File(poster.FilePath!, poster.ContentType);
    }
}
