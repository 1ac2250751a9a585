using System.Security.Cryptography;
using MovieRec.Core.Ratings;

namespace MovieRec.Core.Engine;

/// <summary>
/// Training ratings as two compressed sparse row structures over dense indices: one grouped by
/// user (the user step of ALS reads it) and one grouped by item (the item step). Dense indices
/// follow ascending MovieLens ids, so the same ratings always give the same matrix.
/// </summary>
public sealed class RatingMatrix
{
    private RatingMatrix(IdMap users, IdMap items, CsrRows byUser, CsrRows byItem, double mean, string fingerprint)
    {
        Users = users;
        Items = items;
        ByUser = byUser;
        ByItem = byItem;
        Mean = mean;
        Fingerprint = fingerprint;
    }

    public IdMap Users { get; }
    public IdMap Items { get; }

    /// <summary>Row u lists the items u rated (ascending) and the ratings.</summary>
    public CsrRows ByUser { get; }

    /// <summary>Row i lists the users who rated i (ascending) and the ratings.</summary>
    public CsrRows ByItem { get; }

    public int Count => ByUser.Count;

    /// <summary>mu: the mean of every rating.</summary>
    public double Mean { get; }

    /// <summary>SHA-256 (hex) over the (user id, movie id, rating) triples in user-major order.</summary>
    public string Fingerprint { get; }

    /// <summary>
    /// Builds the matrix. When a (user, movie) pair occurs more than once the later occurrence
    /// wins, as a newer rating replaces an older one.
    /// </summary>
    public static RatingMatrix Build(ReadOnlySpan<Rating> ratings)
    {
        if (ratings.IsEmpty) throw new ArgumentException("there are no ratings to train on");
        var users = DistinctSorted(ratings, static r => r.UserId);
        var items = DistinctSorted(ratings, static r => r.MovieId);
        var userMap = new IdMap(users);
        var itemMap = new IdMap(items);

        var userIndex = new int[ratings.Length];
        var itemIndex = new int[ratings.Length];
        for (int n = 0; n < ratings.Length; n++)
        {
            userIndex[n] = userMap.IndexOf(ratings[n].UserId);
            itemIndex[n] = itemMap.IndexOf(ratings[n].MovieId);
        }

        var byUser = CsrRows.Group(users.Length, userIndex, itemIndex, ratings, keepLastDuplicate: true);
        var byItem = byUser.Transpose(items.Length);
        double mean = 0;
        foreach (float v in byUser.Values) mean += v;
        mean /= byUser.Count;
        return new RatingMatrix(userMap, itemMap, byUser, byItem, mean, ComputeFingerprint(userMap, itemMap, byUser));
    }

    private static int[] DistinctSorted(ReadOnlySpan<Rating> ratings, Func<Rating, int> key)
    {
        var set = new HashSet<int>();
        foreach (var r in ratings) set.Add(key(r));
        var ids = set.ToArray();
        Array.Sort(ids);
        return ids;
    }

    private static string ComputeFingerprint(IdMap users, IdMap items, CsrRows byUser)
    {
        // 12 bytes a rating, appended in blocks: one call to the hash per rating cost a tenth of a
        // small model's training. The bytes, and so the fingerprint, are the same either way.
        const int TripleBytes = 12, BlockTriples = 4096;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[TripleBytes * BlockTriples];
        int filled = 0;
        for (int u = 0; u < byUser.RowCount; u++)
        {
            var cols = byUser.Columns(u);
            var vals = byUser.RowValues(u);
            for (int n = 0; n < cols.Length; n++)
            {
                var triple = buffer.AsSpan(filled, TripleBytes);
                BitConverter.TryWriteBytes(triple, users.IdOf(u));
                BitConverter.TryWriteBytes(triple[4..], items.IdOf(cols[n]));
                BitConverter.TryWriteBytes(triple[8..], vals[n]);
                filled += TripleBytes;
                if (filled == buffer.Length)
                {
                    hash.AppendData(buffer);
                    filled = 0;
                }
            }
        }
        hash.AppendData(buffer, 0, filled);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
