using MovieRec.Core.Catalog;
using MovieRec.Core.Recommending;
using MovieRec.Core.Storage;
using MovieRec.Web.Display;
using MovieRec.Web.Recommendations;

namespace MovieRec.Web.Api;

/// <summary>A movie in a list. Means are rounded as the pages show them (Display/Wording), so the API and the pages agree.</summary>
public sealed record MovieSummaryDto(int Id, string Title, int? Year, IReadOnlyList<string> Genres, int RatingCount, double? MeanRating)
{
    public static MovieSummaryDto From(Movie movie, MovieStatistics? statistics) => new(
        movie.MovieId, movie.Title, movie.Year, movie.Genres, statistics?.RatingCount ?? 0,
        statistics?.Mean is { } mean ? Wording.RoundedMean(mean) : null);
}

public sealed record MoviePageDto(IReadOnlyList<MovieSummaryDto> Items, long TotalCount, int Page, int PageSize, long PageCount);

/// <summary>A title offered while typing: Match is "contains" (the title contains the text) or "near" (close to it: a typing mistake).</summary>
public sealed record SuggestionDto(int Id, string Title, int? Year, int RatingCount, string Match)
{
    public static SuggestionDto From(TitleSuggestion suggestion) => new(
        suggestion.Listing.Movie.MovieId, suggestion.Listing.Movie.Title, suggestion.Listing.Movie.Year,
        suggestion.Listing.Statistics.RatingCount, suggestion.IsNear ? "near" : "contains");
}

/// <summary>The answer of GET /api/movies/suggest: the text as received and the titles, best first.</summary>
public sealed record SuggestionsDto(string Query, IReadOnlyList<SuggestionDto> Items);

/// <summary>One movie with its links and, for a signed-in person, their rating.</summary>
public sealed record MovieDetailDto(
    int Id, string Title, int? Year, IReadOnlyList<string> Genres, IReadOnlyList<string> Tags,
    int RatingCount, double? MeanRating, string? ImdbUrl, string? TmdbUrl, double? YourRating);

public sealed record SimilarMoviesDto(string Basis, IReadOnlyList<MovieSummaryDto> Items);

public sealed record PopularMovieDto(int Id, string Title, int? Year, int RatingCount, double DampedMean)
{
    public static PopularMovieDto From(PopularMovie popular) => new(
        popular.Movie.MovieId, popular.Movie.Title, popular.Movie.Year, popular.RatingCount, Wording.RoundedMean(popular.DampedMean));
}

/// <summary>A pick; Reason is the sentence shown with it (null when no reason holds), BecauseYouRated* only when that is the reason.</summary>
public sealed record RecommendationDto(int Id, string Title, int? Year, double PredictedRating, int? BecauseYouRatedId, string? BecauseYouRatedTitle,
    string? Reason)
{
    public static RecommendationDto From(Pick pick)
    {
        var because = pick.Reason?.Kind == PickReasonKind.BecauseYouRated ? pick.BecauseYouRated : null;
        return new(pick.Movie.MovieId, pick.Movie.Title, pick.Movie.Year, pick.PredictedRating, because?.MovieId, because?.Title,
            PickReasonWording.Sentence(pick));
    }
}

/// <summary>A person's settings: the familiar/new step (1 familiar to 5 new), favourite genres, and whether the first-steps flow is done.</summary>
public sealed record PersonSettingsDto(int FamiliarNewStep, string FamiliarNewName, IReadOnlyList<string> FavouriteGenres, bool OnboardingDone)
{
    public static PersonSettingsDto From(PersonSettings settings) => new(
        settings.FamiliarNewStep, FamiliarNew.Name(settings.FamiliarNewStep), settings.FavouriteGenres, settings.OnboardingDone);
}

/// <summary>The body of PUT /api/me/settings: each field given is changed, each left out is kept.</summary>
public sealed record PersonSettingsRequest(int? FamiliarNewStep, IReadOnlyList<string>? FavouriteGenres, bool? OnboardingDone);

/// <summary>Personal picks, or (Kind = "popular") the most rated movies when there is nothing personal to go on yet.</summary>
public sealed record RecommendationsDto(string Kind, IReadOnlyList<RecommendationDto> Items, IReadOnlyList<PopularMovieDto> Popular);

public sealed record RatingDto(int MovieId, string Title, double Rating, DateTimeOffset RatedAt);

/// <summary>The body of PUT /api/ratings/{movieId}.</summary>
public sealed record RatingRequest(double? Rating);

/// <summary>The answer to PUT /api/ratings/{movieId}: what is stored now, what it replaced, and whether the movie is on the watch-list (so the page can offer to remove it).</summary>
public sealed record RatingSavedDto(int MovieId, double Rating, float? Previous, bool OnWatchList);

/// <summary>The answer to PUT or DELETE /api/me/hidden|watchlist/{movieId}: whether the movie is on the list now, and whether this call changed that.</summary>
public sealed record PersonListChangeDto(int MovieId, bool OnList, bool Changed);

public sealed record ReloadDto(bool Succeeded, string Trigger, string Message, string? Checksum, DateTimeOffset At);

/// <summary>Links to the movie's pages on IMDb and TMDb, from the ids MovieLens gives.</summary>
public static class MovieLinks
{
    public static string? Imdb(Movie movie) => string.IsNullOrEmpty(movie.ImdbId) ? null : $"https://www.imdb.com/title/tt{movie.ImdbId}/";

    public static string? Tmdb(Movie movie) => movie.TmdbId is { } id ? $"https://www.themoviedb.org/movie/{id}" : null;
}
