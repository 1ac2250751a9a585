using System.Security.Claims;
using MovieRec.Web.Accounts;
using MovieRec.Web.Recommendations;

namespace MovieRec.Web.Api;

/// <summary>/api/recommendations: the signed-in person's picks, folded in from their current ratings.</summary>
public static class RecommendationEndpoints
{
    public static RouteGroupBuilder MapRecommendationEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/recommendations", GetAsync)
            .RequireAuthorization()
            .WithTags("Recommendations")
            .WithSummary("Personal picks; the most rated movies when there is no model yet or you have rated nothing");
        return api;
    }

    private static async Task<IResult> GetAsync(string? n, ClaimsPrincipal user, PersonalPicks picks, PopularMovies popular, CancellationToken cancellationToken)
    {
        var (count, problem) = ApiArguments.Count(n, 10, PersonalPicks.MaxCount);
        if (problem is not null) return ApiProblems.BadRequest(problem);
        var personal = await picks.ForUserAsync(user.UserId()!.Value, count, cancellationToken);
        if (personal is not null)
            return Results.Ok(new RecommendationsDto("personal", personal.Select(RecommendationDto.From).ToList(), []));
        var mostRated = await popular.MostRatedAsync(count, cancellationToken);
        return Results.Ok(new RecommendationsDto("popular", [], mostRated.Select(PopularMovieDto.From).ToList()));
    }
}
