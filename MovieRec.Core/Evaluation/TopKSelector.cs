namespace MovieRec.Core.Evaluation;

/// <summary>
/// Picks the k best-scored movies without sorting all candidates: a bounded heap whose root is the
/// worst movie kept so far, O(n log k). Order is total and deterministic: higher score first, ties
/// to the smaller movieId; NaN ranks below every number (double.CompareTo), so a model that
/// returns NaN cannot scramble the order.
/// </summary>
public static class TopKSelector
{
    /// <summary>
    /// Writes the best min(k, n) movies, best first, into <paramref name="bestIds"/> and their scores
    /// into <paramref name="bestScores"/>; k is the length of <paramref name="bestIds"/>. Returns the count written.
    /// </summary>
    public static int SelectTop(ReadOnlySpan<int> movieIds, ReadOnlySpan<double> scores, Span<int> bestIds, Span<double> bestScores)
    {
        if (scores.Length < movieIds.Length)
            throw new ArgumentException("scores is shorter than movieIds", nameof(scores));
        if (bestScores.Length < bestIds.Length)
            throw new ArgumentException("bestScores is shorter than bestIds", nameof(bestScores));

        int k = bestIds.Length;
        int size = 0;
        for (int i = 0; i < movieIds.Length; i++)
        {
            if (size < k)
            {
                bestIds[size] = movieIds[i];
                bestScores[size] = scores[i];
                SiftUp(bestIds, bestScores, size);
                size++;
            }
            else if (k > 0 && RanksAbove(scores[i], movieIds[i], bestScores[0], bestIds[0]))
            {
                bestIds[0] = movieIds[i];
                bestScores[0] = scores[i];
                SiftDown(bestIds, bestScores, 0, size);
            }
        }

        // Heap sort in place: moving the worst to the end, repeatedly, leaves the best at index 0.
        for (int end = size - 1; end > 0; end--)
        {
            Swap(bestIds, bestScores, 0, end);
            SiftDown(bestIds, bestScores, 0, end);
        }
        return size;
    }

    /// <summary>Whether (scoreA, idA) comes before (scoreB, idB) in the ranking.</summary>
    public static bool RanksAbove(double scoreA, int idA, double scoreB, int idB)
    {
        int byScore = scoreA.CompareTo(scoreB);
        return byScore > 0 || (byScore == 0 && idA < idB);
    }

    // Heap order: a parent ranks below (is worse than) its children, so the root is the worst kept.
    private static void SiftUp(Span<int> ids, Span<double> scores, int child)
    {
        while (child > 0)
        {
            int parent = (child - 1) / 2;
            if (!RanksAbove(scores[parent], ids[parent], scores[child], ids[child]))
                return;
            Swap(ids, scores, parent, child);
            child = parent;
        }
    }

    private static void SiftDown(Span<int> ids, Span<double> scores, int parent, int size)
    {
        while (true)
        {
            int worst = parent;
            int left = 2 * parent + 1;
            int right = left + 1;
            if (left < size && RanksAbove(scores[worst], ids[worst], scores[left], ids[left]))
                worst = left;
            if (right < size && RanksAbove(scores[worst], ids[worst], scores[right], ids[right]))
                worst = right;
            if (worst == parent)
                return;
            Swap(ids, scores, parent, worst);
            parent = worst;
        }
    }

    private static void Swap(Span<int> ids, Span<double> scores, int a, int b)
    {
        (ids[a], ids[b]) = (ids[b], ids[a]);
        (scores[a], scores[b]) = (scores[b], scores[a]);
    }
}
