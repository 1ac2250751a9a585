namespace MovieRec.Core.Engine.Scoring;

/// <summary>
/// Picks the n best of many scores by partial selection: a bounded min-heap of the best n seen
/// so far, O(m log n) for m candidates instead of sorting all of them. Ties go to the smaller
/// index (dense indices follow ascending movie ids, so that is the smaller movieId).
/// </summary>
public static class TopNSelector
{
    /// <summary>
    /// The indices of the n highest scores, best first. A NaN score is never picked: callers mark
    /// what must not be recommended (movies already rated, the movie itself) by setting its score
    /// to NaN, which keeps this loop free of per-item lookups.
    /// </summary>
    public static int[] Select(ReadOnlySpan<float> scores, int n)
    {
        if (n <= 0) return [];
        var heap = new (float Score, int Index)[Math.Min(n, scores.Length)];
        int size = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            float score = scores[i];
            if (float.IsNaN(score)) continue;
            if (size < heap.Length)
            {
                heap[size] = (score, i);
                SiftUp(heap, size++);
            }
            else if (Better(score, i, heap[0].Score, heap[0].Index))
            {
                heap[0] = (score, i);
                SiftDown(heap, 0, size);
            }
        }
        var result = heap.AsSpan(0, size).ToArray();
        Array.Sort(result, (a, b) => Better(a.Score, a.Index, b.Score, b.Index) ? -1 : Better(b.Score, b.Index, a.Score, a.Index) ? 1 : 0);
        return result.Select(entry => entry.Index).ToArray();
    }

    /// <summary>Higher score wins; on equal scores the smaller index wins.</summary>
    private static bool Better(float scoreA, int indexA, float scoreB, int indexB) =>
        scoreA > scoreB || (scoreA == scoreB && indexA < indexB);

    // The heap keeps the worst of the kept entries at the root.
    private static void SiftUp((float Score, int Index)[] heap, int child)
    {
        while (child > 0)
        {
            int parent = (child - 1) / 2;
            if (!Better(heap[parent].Score, heap[parent].Index, heap[child].Score, heap[child].Index)) break;
            (heap[parent], heap[child]) = (heap[child], heap[parent]);
            child = parent;
        }
    }

    private static void SiftDown((float Score, int Index)[] heap, int parent, int size)
    {
        while (true)
        {
            int worst = parent, left = 2 * parent + 1, right = left + 1;
            if (left < size && Better(heap[worst].Score, heap[worst].Index, heap[left].Score, heap[left].Index)) worst = left;
            if (right < size && Better(heap[worst].Score, heap[worst].Index, heap[right].Score, heap[right].Index)) worst = right;
            if (worst == parent) return;
            (heap[parent], heap[worst]) = (heap[worst], heap[parent]);
            parent = worst;
        }
    }
}
