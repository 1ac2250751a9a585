namespace MovieRec.Core.Engine;

/// <summary>
/// Maps MovieLens ids (sparse, arbitrary) to dense indices 0..Count-1 and back.
/// Dense index order is the order of the ids given to the constructor.
/// </summary>
public sealed class IdMap
{
    private readonly int[] _ids;
    private readonly Dictionary<int, int> _indexById;

    public IdMap(int[] ids)
    {
        _ids = ids;
        _indexById = new Dictionary<int, int>(ids.Length);
        for (int i = 0; i < ids.Length; i++)
        {
            if (!_indexById.TryAdd(ids[i], i))
                throw new ArgumentException($"id {ids[i]} appears twice", nameof(ids));
        }
    }

    public int Count => _ids.Length;

    /// <summary>The ids in dense-index order.</summary>
    public ReadOnlySpan<int> Ids => _ids;

    public int IdOf(int index) => _ids[index];

    /// <summary>The dense index of an id, or -1 when the id is unknown.</summary>
    public int IndexOf(int id) => _indexById.TryGetValue(id, out int index) ? index : -1;

    public bool Contains(int id) => _indexById.ContainsKey(id);
}
