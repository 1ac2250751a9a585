using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using MovieRec.Core.Recommending;
using MovieRec.Core.Storage;

namespace MovieRec.Web.People;

/// <summary>
/// What the app reads about a person to serve them, as of one version of theirs in the store
/// (<see cref="IPersonVersions"/>): their ratings, hidden movies, watch-list and settings, and the
/// answers computed from these (a finished picks list), which are exactly as current as the state
/// itself. Immutable apart from the answers, so many requests share one instance.
/// </summary>
public sealed class PersonState(long version, IReadOnlyList<PersonRating> ratings, Exclusions hidden, IReadOnlySet<int> watchList, PersonSettings settings)
{
    /// <summary>Answers kept per model and state; beyond this many (filters, steps, page sizes) they start again.</summary>
    public const int MaxAnswersPerModel = 32;

    // Keyed weakly by the model's served recommender: a model swapped out is not held alive by
    // the answers computed from it, and a new model starts with none.
    private readonly ConditionalWeakTable<object, ConcurrentDictionary<object, object>> _answers = new();

    public long Version { get; } = version;

    /// <summary>Newest first, as the store lists them.</summary>
    public IReadOnlyList<PersonRating> Ratings { get; } = ratings;

    public Exclusions Hidden { get; } = hidden;

    public IReadOnlySet<int> WatchList { get; } = watchList;

    public PersonSettings Settings { get; } = settings;

    /// <summary>
    /// The answer computed from this state and <paramref name="model"/> for <paramref name="key"/>
    /// (a value-equal record of everything else the answer depends on), computing it on first
    /// ask. Two requests may compute at once; both answers are the same, one is kept.
    /// </summary>
    public async ValueTask<T> AnswerAsync<T>(object model, object key, Func<Task<T>> compute) where T : class
    {
        var answers = _answers.GetValue(model, _ => new ConcurrentDictionary<object, object>());
        if (answers.TryGetValue(key, out var kept)) return (T)kept;
        var answer = await compute();
        if (answers.Count >= MaxAnswersPerModel) answers.Clear();
        answers[key] = answer;
        return answer;
    }
}
