using System.Runtime.CompilerServices;

namespace MovieRec.Core.Engine.Neighbourhood;

/// <summary>
/// The bounded best-first selection of a movie's neighbours, on candidates packed one to a 64-bit
/// key so that ordering them is a comparison of two integers. The order is
/// <see cref="Scoring.TopNSelector"/>'s (higher similarity first, ties to the smaller index):
/// a similarity is never negative, so its IEEE bits order as the numbers do, and
/// key = NOT(bits &lt;&lt; 32 | (int.MaxValue - index)) puts the best candidate at the smallest key.
/// A quickselect moves the best k keys to the front (linear on average) and only those k are
/// sorted: the fit has about 485 candidates per movie on ml-latest-small and keeps 200, where a
/// heap of two parallel arrays paid a generic comparison per step of every sift.
/// </summary>
internal static class BestNeighbours
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Key(float similarity, int index) =>
        ~(((ulong)BitConverter.SingleToUInt32Bits(similarity) << 32) | (uint)(int.MaxValue - index));

    public static (int Index, float Similarity) Unpack(ulong key)
    {
        ulong packed = ~key;
        return (int.MaxValue - (int)(uint)packed, BitConverter.UInt32BitsToSingle((uint)(packed >> 32)));
    }

    /// <summary>
    /// Writes the best min(k, candidates) of <paramref name="keys"/> (reordered in place), best first,
    /// into <paramref name="indices"/> and <paramref name="similarities"/> (k is their length) and
    /// returns how many were written.
    /// </summary>
    public static int SelectInto(Span<ulong> keys, Span<int> indices, Span<float> similarities)
    {
        int kept = Math.Min(indices.Length, keys.Length);
        if (kept == 0) return 0;
        if (kept < keys.Length) MoveSmallestToFront(keys, kept);
        var best = keys[..kept];
        best.Sort();
        for (int n = 0; n < kept; n++) (indices[n], similarities[n]) = Unpack(best[n]);
        return kept;
    }

    /// <summary>Quickselect (Hoare partition, median-of-three pivot): afterwards keys[..k] are the k smallest, in no order. Keys must be distinct.</summary>
    private static void MoveSmallestToFront(Span<ulong> keys, int k)
    {
        int lo = 0, hi = keys.Length - 1, target = k - 1;
        while (hi - lo >= 16)
        {
            int mid = lo + (hi - lo) / 2;
            ulong a = keys[lo], b = keys[mid], c = keys[hi];
            ulong pivot = a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);
            int i = lo, j = hi;
            while (i <= j)
            {
                while (keys[i] < pivot) i++;
                while (keys[j] > pivot) j--;
                if (i <= j)
                {
                    (keys[i], keys[j]) = (keys[j], keys[i]);
                    i++;
                    j--;
                }
            }
            // Now keys[lo..j] <= pivot <= keys[i..hi]; anything strictly between is the pivot, in place.
            if (target <= j) hi = j;
            else if (target >= i) lo = i;
            else return;
        }
        keys[lo..(hi + 1)].Sort();
    }
}
