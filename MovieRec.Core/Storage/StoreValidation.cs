using MovieRec.Core.Catalog;
using MovieRec.Core.Ratings;

namespace MovieRec.Core.Storage;

/// <summary>
/// The input checks both stores run before they write, so that SQLite and MongoDB refuse the
/// same things with the same words.
/// </summary>
internal static class StoreValidation
{
    public static void Rating(in Rating rating)
    {
        if (RatingValue.Problem(rating.Value) is { } problem)
            throw new StoreValidationException($"The rating of movie {rating.MovieId} by user {rating.UserId} was refused: {problem}.");
        if (RatingTimestamp.Problem(rating.Timestamp) is { } timeProblem)
            throw new StoreValidationException($"The rating of movie {rating.MovieId} by user {rating.UserId} was refused: {timeProblem}.");
    }

    /// <summary>The name of a new (registered) account.</summary>
    public static void Username(string? username)
    {
        if (UsernameRules.NewAccountProblem(username) is { } problem)
            throw new StoreValidationException(problem);
    }

    public static string[] Roles(IEnumerable<string>? roles)
    {
        var list = roles?.Distinct(StringComparer.Ordinal).ToArray() ?? [];
        foreach (var role in list)
            Role(role);
        return list;
    }

    public static void Role(string? role)
    {
        if (RoleRules.Problem(role) is { } problem)
            throw new StoreValidationException(problem);
    }

    public static void ImportedUser(ImportedUser user)
    {
        if (user.UserId <= 0)
            throw new StoreValidationException($"User id {user.UserId} is not valid: ids start at 1.");
        if (UsernameRules.Problem(user.Username) is { } problem)
            throw new StoreValidationException($"User {user.UserId}: {problem}");
    }

    public static void Movie(Movie movie)
    {
        if (movie.MovieId <= 0)
            throw new StoreValidationException($"Movie id {movie.MovieId} is not valid: ids start at 1.");
        if (string.IsNullOrWhiteSpace(movie.Title))
            throw new StoreValidationException($"Movie {movie.MovieId} has no title.");
        if (movie.Genres is null || movie.Genres.Any(string.IsNullOrWhiteSpace))
            throw new StoreValidationException($"Movie {movie.MovieId} has an empty genre.");
        if (movie.Tags is null || movie.Tags.Any(string.IsNullOrWhiteSpace))
            throw new StoreValidationException($"Movie {movie.MovieId} has an empty tag.");
    }

    public static void Query(MovieQuery query)
    {
        if (query.Page < 1)
            throw new StoreValidationException($"Page {query.Page} does not exist: pages count from 1.");
        if (query.PageSize is < 1 or > MovieQuery.MaxPageSize)
            throw new StoreValidationException($"A page holds 1 to {MovieQuery.MaxPageSize} movies, not {query.PageSize}.");
        if (query.TitleContains is { Length: > MovieQuery.MaxTitleTextLength })
            throw new StoreValidationException($"Search text can have at most {MovieQuery.MaxTitleTextLength} characters.");
        if (query.TitleContains is not null && query.TitleContains.Any(char.IsControl))
            throw new StoreValidationException("Search text cannot contain control characters.");
        if (query.Tag is { Length: > MovieQuery.MaxTitleTextLength })
            throw new StoreValidationException($"A tag can have at most {MovieQuery.MaxTitleTextLength} characters.");
        if (query.Tag is not null && query.Tag.Any(char.IsControl))
            throw new StoreValidationException("A tag cannot contain control characters.");
        if (query.Genre is not null && query.Genre.Any(char.IsControl))
            throw new StoreValidationException("A genre cannot contain control characters.");
        if (!Enum.IsDefined(query.Sort) || !Enum.IsDefined(query.Direction))
            throw new StoreValidationException("Unknown sort order.");
    }

    public static void Query(RatingQuery query)
    {
        if (query.Page < 1)
            throw new StoreValidationException($"Page {query.Page} does not exist: pages count from 1.");
        if (query.PageSize is < 1 or > RatingQuery.MaxPageSize)
            throw new StoreValidationException($"A page holds 1 to {RatingQuery.MaxPageSize} ratings, not {query.PageSize}.");
        // MongoDB's $skip takes a 32-bit count; no person has that many ratings anyway.
        if (query.Offset > int.MaxValue)
            throw new StoreValidationException($"Page {query.Page} does not exist.");
        if (query.Genre is not null && query.Genre.Any(char.IsControl))
            throw new StoreValidationException("A genre cannot contain control characters.");
        if (!Enum.IsDefined(query.Order))
            throw new StoreValidationException("Unknown sort order.");
        if (query.MinValue is { } min && !float.IsFinite(min) || query.MaxValue is { } max && !float.IsFinite(max))
            throw new StoreValidationException("A rating bound must be a number.");
    }

    /// <summary>The genre to filter ratings by, or null when the query does not filter by genre.</summary>
    public static string? Genre(RatingQuery query) =>
        string.IsNullOrWhiteSpace(query.Genre) ? null : query.Genre.Trim();

    /// <summary>
    /// The forms the title keys are searched for (<see cref="Catalog.SearchText.QueryForms"/>), or
    /// null when the query does not filter by title (blank text). Text without a letter or digit
    /// ("%", emoji) has no forms and matches nothing: finding every movie for it would look like
    /// an injection that worked.
    /// </summary>
    public static IReadOnlyList<string>? TitleForms(MovieQuery query) =>
        string.IsNullOrWhiteSpace(query.TitleContains) ? null : Catalog.SearchText.QueryForms(query.TitleContains);

    /// <summary>The folded tag to filter by, or null when the query does not filter by tag.</summary>
    public static string? TagKey(MovieQuery query) =>
        Catalog.SearchText.TagKey(query.Tag ?? "") is { Length: > 0 } key ? key : null;

    public static void SuggestText(string? text, int limit)
    {
        if (text is { Length: > MovieQuery.MaxTitleTextLength })
            throw new StoreValidationException($"Search text can have at most {MovieQuery.MaxTitleTextLength} characters.");
        if (text is not null && text.Any(char.IsControl))
            throw new StoreValidationException("Search text cannot contain control characters.");
        if (limit is < 1 or > TitleSuggestions.MaxLimit)
            throw new StoreValidationException($"A list of suggestions holds 1 to {TitleSuggestions.MaxLimit} titles, not {limit}.");
    }

    /// <summary>The genre to filter by, or null when the query does not filter by genre.</summary>
    public static string? Genre(MovieQuery query) =>
        string.IsNullOrWhiteSpace(query.Genre) ? null : query.Genre.Trim();

    /// <summary>A person's settings; returns the favourite genres as they are stored (trimmed, no repeats).</summary>
    public static string[] PersonSettings(Storage.PersonSettings settings)
    {
        if (Recommending.FamiliarNew.Problem(settings.FamiliarNewStep) is { } problem)
            throw new StoreValidationException(problem);
        var genres = (settings.FavouriteGenres ?? []).Select(g => g?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToArray();
        if (genres.Length > Storage.PersonSettings.MaxFavouriteGenres)
            throw new StoreValidationException($"At most {Storage.PersonSettings.MaxFavouriteGenres} favourite genres can be kept, not {genres.Length}.");
        foreach (var genre in genres)
        {
            if (genre.Length == 0 || genre.Length > Storage.PersonSettings.MaxGenreLength || genre.Any(char.IsControl))
                throw new StoreValidationException($"A favourite genre must have 1 to {Storage.PersonSettings.MaxGenreLength} characters and no control characters.");
        }
        return genres;
    }

    public static StoreValidationException UnknownUser(int userId) => new($"There is no user with id {userId}.");

    public static StoreValidationException UnknownMovie(int movieId) => new($"There is no movie with id {movieId}.");
}
