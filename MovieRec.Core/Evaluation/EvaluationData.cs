using MovieRec.Core.Catalog;
using MovieRec.Core.Engine;
using MovieRec.Core.Ratings;

namespace MovieRec.Core.Evaluation;

/// <summary>
/// Everything the evaluator reads, built once from a train / test split and the movies file and
/// shared by every model evaluated on it. Nothing here is users x movies: train ratings are kept
/// as one sorted run of movie ids per user (compressed rows), so ml-32m fits as easily as the
/// small set. Immutable after construction, hence safe to read from several threads.
/// </summary>
public sealed class EvaluationData
{
    /// <summary>A test rating at or above this is a relevant item (EVALUATION.md).</summary>
    public const double RelevanceThreshold = 4.0;

    private static readonly IReadOnlySet<string> NoGenres = new HashSet<string>();
    private static readonly IReadOnlySet<int> NoMovies = new HashSet<int>();

    // The movies file, ids ascending: dense catalog index order is movieId order.
    private readonly IdMap _catalog;
    private readonly int[] _trainCountByCatalogIndex;
    private readonly IReadOnlySet<string>[] _genresByCatalogIndex;

    // Train ratings per user as compressed rows (the engine's CsrRows): user row r holds its movie
    // ids ascending as the columns, with the ratings as the values; a repeated pair keeps the last.
    private readonly IdMap _trainUsers;
    private readonly CsrRows _trainRows;
    private int[]? _mostRatedFirst;

    private readonly Rating[] _testRatings;
    private readonly Dictionary<int, IReadOnlySet<int>> _relevantByUser;
    private readonly int[] _evaluatedUsers;

    public EvaluationData(
        IReadOnlyList<Rating> trainRatings,
        IReadOnlyList<Rating> testRatings,
        IReadOnlyList<Movie> movies,
        RatingScale scale)
    {
        ArgumentNullException.ThrowIfNull(trainRatings);
        ArgumentNullException.ThrowIfNull(testRatings);
        ArgumentNullException.ThrowIfNull(movies);
        Scale = scale;

        Movie[] moviesById = movies.OrderBy(m => m.MovieId).ToArray();
        _catalog = new IdMap(moviesById.Select(m => m.MovieId).ToArray());
        _genresByCatalogIndex = moviesById
            .Select(m => m.Genres.Count == 0 ? NoGenres : new HashSet<string>(m.Genres, StringComparer.Ordinal))
            .ToArray();

        _trainCountByCatalogIndex = new int[_catalog.Count];
        foreach (Rating rating in trainRatings)
        {
            // Movies missing from the movies file can never be recommended, so their count is not needed.
            int catalogIndex = _catalog.IndexOf(rating.MovieId);
            if (catalogIndex >= 0)
                _trainCountByCatalogIndex[catalogIndex]++;
        }

        (_trainUsers, _trainRows) = BuildTrainRows(trainRatings);

        _testRatings = testRatings.ToArray();
        _relevantByUser = BuildRelevantSets(_testRatings);
        _evaluatedUsers = _relevantByUser.Keys.Order().ToArray();
    }

    public RatingScale Scale { get; }

    /// <summary>Every row of the test file, in file order.</summary>
    public ReadOnlySpan<Rating> TestRatings => _testRatings;

    /// <summary>n_users of the novelty formula: the number of distinct users in train.</summary>
    public int TrainUserCount => _trainUsers.Count;

    /// <summary>Every movie of the movies file, ids ascending: the candidates before a user's train ratings are removed.</summary>
    public ReadOnlySpan<int> CatalogMovieIds => _catalog.Ids;

    public int CatalogSize => _catalog.Count;

    /// <summary>Users with at least one relevant test item, ids ascending: the users top-N metrics average over.</summary>
    public IReadOnlyList<int> EvaluatedUsers => _evaluatedUsers;

    /// <summary>n_i: the number of train ratings of a movie of the movies file (0 for any other movie).</summary>
    public int TrainCount(int movieId)
    {
        int catalogIndex = _catalog.IndexOf(movieId);
        return catalogIndex >= 0 ? _trainCountByCatalogIndex[catalogIndex] : 0;
    }

    /// <summary>The genre set of a movie of the movies file; empty for "(no genres listed)" and unknown movies.</summary>
    public IReadOnlySet<string> Genres(int movieId)
    {
        int catalogIndex = _catalog.IndexOf(movieId);
        return catalogIndex >= 0 ? _genresByCatalogIndex[catalogIndex] : NoGenres;
    }

    /// <summary>The movies a user rated in train, ids ascending; empty for a user absent from train.</summary>
    public ReadOnlySpan<int> TrainMovies(int userId)
    {
        int row = _trainUsers.IndexOf(userId);
        if (row < 0)
            return ReadOnlySpan<int>.Empty;
        return _trainRows.Columns(row);
    }

    /// <summary>What a user rated in train, movie ids ascending, as the served recommender takes a person's ratings.</summary>
    public IReadOnlyList<Recommending.PersonRating> TrainRatings(int userId)
    {
        int row = _trainUsers.IndexOf(userId);
        if (row < 0)
            return [];
        var movies = _trainRows.Columns(row);
        var values = _trainRows.RowValues(row);
        var ratings = new Recommending.PersonRating[movies.Length];
        for (int n = 0; n < movies.Length; n++)
            ratings[n] = new Recommending.PersonRating(movies[n], values[n]);
        return ratings;
    }

    /// <summary>Every movie of the movies file, most train ratings first (ties to the smaller id): the popular fallback's order.</summary>
    public IReadOnlyList<int> MostRatedFirst => _mostRatedFirst ??= _catalog.Ids.ToArray()
        .OrderByDescending(TrainCount).ThenBy(id => id).ToArray();

    public bool RatedInTrain(int userId, int movieId) => TrainMovies(userId).BinarySearch(movieId) >= 0;

    /// <summary>The user's test items rated at least <see cref="RelevanceThreshold"/>; empty when there are none.</summary>
    public IReadOnlySet<int> RelevantMovies(int userId) => _relevantByUser.GetValueOrDefault(userId, NoMovies);

    /// <summary>
    /// Writes the user's candidates (movies of the movies file the user did not rate in train), ids
    /// ascending, into <paramref name="destination"/> and returns how many there are. Both lists are
    /// sorted, so one merge walk removes the rated ones without building a set per user.
    /// </summary>
    public int WriteCandidates(int userId, Span<int> destination)
    {
        ReadOnlySpan<int> catalog = _catalog.Ids;
        ReadOnlySpan<int> rated = TrainMovies(userId);
        if (destination.Length < catalog.Length - rated.Length)
            throw new ArgumentException($"destination needs room for up to {catalog.Length} movies", nameof(destination));

        int count = 0;
        int next = 0;
        foreach (int movieId in catalog)
        {
            while (next < rated.Length && rated[next] < movieId)
                next++;
            if (next < rated.Length && rated[next] == movieId)
                continue;
            destination[count++] = movieId;
        }
        return count;
    }

    private static (IdMap Users, CsrRows Rows) BuildTrainRows(IReadOnlyList<Rating> trainRatings)
    {
        var distinctUsers = new HashSet<int>();
        foreach (Rating rating in trainRatings)
            distinctUsers.Add(rating.UserId);
        var users = new IdMap(distinctUsers.Order().ToArray());

        var rows = new int[trainRatings.Count];
        var movieIds = new int[trainRatings.Count];
        var ratings = new Rating[trainRatings.Count];
        for (int n = 0; n < ratings.Length; n++)
        {
            ratings[n] = trainRatings[n];
            rows[n] = users.IndexOf(ratings[n].UserId);
            movieIds[n] = ratings[n].MovieId;
        }
        return (users, CsrRows.Group(users.Count, rows, movieIds, ratings, keepLastDuplicate: true));
    }

    private static Dictionary<int, IReadOnlySet<int>> BuildRelevantSets(Rating[] testRatings)
    {
        var relevant = new Dictionary<int, HashSet<int>>();
        foreach (Rating rating in testRatings)
        {
            if (rating.Value < RelevanceThreshold)
                continue;
            if (!relevant.TryGetValue(rating.UserId, out HashSet<int>? movies))
                relevant[rating.UserId] = movies = new HashSet<int>();
            movies.Add(rating.MovieId);
        }
        return relevant.ToDictionary(pair => pair.Key, pair => (IReadOnlySet<int>)pair.Value);
    }
}
