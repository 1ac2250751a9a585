namespace MovieRec.Core.Import;

/// <summary>
/// Gathers the tags users gave each movie into one list per movie: each tag once, whatever its case
/// ("Pixar", "pixar") or surrounding spaces, spelled as it was first seen, in the order first seen.
/// Who tagged and when is dropped: the catalogue only shows what a movie has been called.
/// </summary>
internal sealed class MovieTagCollector
{
    private readonly Dictionary<int, TagSet> _byMovie = [];

    public int MovieCount => _byMovie.Count;

    public void Add(int movieId, string tag)
    {
        string trimmed = tag.Trim();
        if (trimmed.Length == 0)
            return;
        if (!_byMovie.TryGetValue(movieId, out var set))
            _byMovie[movieId] = set = new TagSet();
        if (set.Seen.Add(trimmed))
            set.InOrder.Add(trimmed);
    }

    public IReadOnlyList<string> For(int movieId) =>
        _byMovie.TryGetValue(movieId, out var set) ? set.InOrder.ToArray() : [];

    private sealed class TagSet
    {
        public readonly HashSet<string> Seen = new(StringComparer.OrdinalIgnoreCase);
        public readonly List<string> InOrder = [];
    }
}
