using System.Numerics;
using System.Runtime.CompilerServices;

namespace MovieRec.Core.Engine.Scoring;

/// <summary>What a NaN score means to <see cref="TopNSelector"/>.</summary>
public enum NaNScores
{
    /// <summary>Never picked: serving marks what must not be recommended (rated movies, the movie itself) as NaN.</summary>
    Skip,
    /// <summary>Ranked below every number: the evaluation keeps a model that returns NaN from scrambling the order.</summary>
    RankLast,
}

/// <summary>
/// The one bounded top-N selection of the code base (serving and evaluation): a min-heap of the
/// best n seen so far whose root is the worst kept, O(m log n) for m candidates instead of sorting
/// them all. Order is total and deterministic: higher score first, ties to the smaller id (dense
/// indices follow ascending movie ids, so for either that is the smaller movieId).
/// </summary>
public static class TopNSelector
{
    /// <summary>The indices of the n highest scores, best first; NaN scores are never picked.</summary>
    public static int[] Select(ReadOnlySpan<float> scores, int n)
    {
        if (n <= 0) return [];
        int k = Math.Min(n, scores.Length);
        var bestIds = new int[k];
        int count = SelectInto(scores, ReadOnlySpan<int>.Empty, bestIds, new float[k], NaNScores.Skip);
        return count == k ? bestIds : bestIds[..count];
    }

    /// <summary>
    /// Writes the best min(k, m) candidates, best first, into <paramref name="bestIds"/> (k is its
    /// length) and their scores into <paramref name="bestScores"/>, allocating nothing; returns how
    /// many were written. A candidate's id is <paramref name="ids"/>[i], or its index i when
    /// <paramref name="ids"/> is empty.
    /// </summary>
    public static int SelectInto<T>(ReadOnlySpan<T> scores, ReadOnlySpan<int> ids, Span<int> bestIds, Span<T> bestScores, NaNScores nan)
        where T : IFloatingPointIeee754<T>
    {
        if (!ids.IsEmpty && scores.Length < ids.Length)
            throw new ArgumentException("scores is shorter than ids", nameof(scores));
        if (bestScores.Length < bestIds.Length)
            throw new ArgumentException("bestScores is shorter than bestIds", nameof(bestIds));
        int candidates = ids.IsEmpty ? scores.Length : ids.Length;
        int k = bestIds.Length;
        int size = 0;
        for (int i = 0; i < candidates; i++)
        {
            T score = scores[i];
            if (nan == NaNScores.Skip && T.IsNaN(score)) continue;
            int id = ids.IsEmpty ? i : ids[i];
            if (size < k)
            {
                bestIds[size] = id;
                bestScores[size] = score;
                SiftUp(bestIds, bestScores, size++);
            }
            else if (k > 0 && RanksAbove(score, id, bestScores[0], bestIds[0]))
            {
                bestIds[0] = id;
                bestScores[0] = score;
                SiftDown(bestIds, bestScores, 0, size);
            }
        }

        // Heap sort in place: moving the worst to the end, repeatedly, leaves the best first.
        for (int end = size - 1; end > 0; end--)
        {
            Swap(bestIds, bestScores, 0, end);
            SiftDown(bestIds, bestScores, 0, end);
        }
        return size;
    }

    /// <summary>Whether (scoreA, idA) comes before (scoreB, idB): higher score, then smaller id; NaN below every number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // asked once per candidate: the generic call was not inlined on its own
    public static bool RanksAbove<T>(T scoreA, int idA, T scoreB, int idB) where T : IFloatingPointIeee754<T>
    {
        if (scoreA > scoreB) return true;
        if (scoreA < scoreB) return false;
        bool nanA = T.IsNaN(scoreA), nanB = T.IsNaN(scoreB);
        if (nanA != nanB) return nanB;
        return idA < idB;
    }

    // Heap order: a parent ranks below (is worse than) its children, so the root is the worst kept.
    private static void SiftUp<T>(Span<int> ids, Span<T> scores, int child) where T : IFloatingPointIeee754<T>
    {
        while (child > 0)
        {
            int parent = (child - 1) / 2;
            if (!RanksAbove(scores[parent], ids[parent], scores[child], ids[child])) return;
            Swap(ids, scores, parent, child);
            child = parent;
        }
    }

    private static void SiftDown<T>(Span<int> ids, Span<T> scores, int parent, int size) where T : IFloatingPointIeee754<T>
    {
        while (true)
        {
            int worst = parent, left = 2 * parent + 1, right = left + 1;
            if (left < size && RanksAbove(scores[worst], ids[worst], scores[left], ids[left])) worst = left;
            if (right < size && RanksAbove(scores[worst], ids[worst], scores[right], ids[right])) worst = right;
            if (worst == parent) return;
            Swap(ids, scores, parent, worst);
            parent = worst;
        }
    }

    private static void Swap<T>(Span<int> ids, Span<T> scores, int a, int b)
    {
        (ids[a], ids[b]) = (ids[b], ids[a]);
        (scores[a], scores[b]) = (scores[b], scores[a]);
    }
}
