using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MovieRec.Core.Recommending;
using MovieRec.Web.Accounts;
using MovieRec.Web.Recommendations;

namespace MovieRec.Web.Api;

/// <summary>/api/recommendations: the signed-in person's picks, folded in from their current ratings.</summary>
public static class RecommendationEndpoints
{
    // A finished picks list is kept while the person's state and the model stay the same
    // (PersonalPicks), so its answer is built once per list rather than once per request.
    private static readonly ConditionalWeakTable<IReadOnlyList<Pick>, RecommendationsDto> Answers = new();

    public static RouteGroupBuilder MapRecommendationEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/recommendations", GetAsync)
            .RequireAuthorization()
            .ProducesProblems(StatusCodes.Status401Unauthorized)
            .WithTags("Recommendations")
            .WithSummary("Personal picks (at your saved familiar/new step, or step=1..5 for this call); the most rated movies when there is no model yet or you have rated nothing");
        return api;
    }

    private static async Task<Results<Ok<RecommendationsDto>, BadRequestProblem>> GetAsync(
        string? n, string? step, ClaimsPrincipal user, PersonalPicks picks, PopularMovies popular, CancellationToken cancellationToken)
    {
        var (count, problem) = ApiArguments.Count(n, 10, PersonalPicks.MaxCount);
        if (problem is not null) return ApiProblems.BadRequest(problem);
        var (familiarNewStep, stepProblem) = ApiArguments.FamiliarNewStep(step);
        if (stepProblem is not null) return ApiProblems.BadRequest(stepProblem);
        int userId = user.UserId()!.Value;
        var personal = await picks.ForUserAsync(userId, count, PickFilter.None, cancellationToken, familiarNewStep);
        if (personal is not null)
            return TypedResults.Ok(Answers.GetValue(personal, list => new RecommendationsDto("personal", list.Select(RecommendationDto.From).ToList(), [])));
        // No model yet, or nothing rated: the most rated movies, never one the person rated or hid.
        var exclusions = await picks.RatedOrHiddenAsync(userId, cancellationToken);
        var mostRated = await popular.MostRatedAsync(PopularFallback.CandidatesNeeded(count, exclusions), cancellationToken);
        var fallback = PopularFallback.Choose(mostRated, m => m.Movie.MovieId, exclusions, count);
        return TypedResults.Ok(new RecommendationsDto("popular", [], fallback.Select(PopularMovieDto.From).ToList()));
    }
}
