namespace MovieRec.Web.Api;

/// <summary>Maps the JSON API under /api.</summary>
public static class MovieRecApi
{
    public static WebApplication MapMovieRecApi(this WebApplication app)
    {
        app.MapGroup("/api")
            .MapMovieEndpoints()
            .MapRecommendationEndpoints()
            .MapRatingEndpoints()
            .MapPersonListEndpoints()
            .MapPersonSettingsEndpoints()
            .MapAdminEndpoints();
        return app;
    }
}
