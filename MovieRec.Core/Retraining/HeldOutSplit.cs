using MovieRec.Core.Ratings;

namespace MovieRec.Core.Retraining;

/// <summary>
/// Splits ratings into a training part and a held-out slice by a hash of (user, movie), so that a
/// rating falls on the same side every time: the old and the new model are judged on the same
/// slice whatever order the ratings come in.
/// </summary>
public static class HeldOutSplit
{
    public static (Rating[] Train, Rating[] HeldOut) Split(IReadOnlyList<Rating> ratings, double heldOutShare = 0.05)
    {
        if (heldOutShare is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(heldOutShare), "the held-out share must be in [0, 1)");
        var train = new List<Rating>(ratings.Count);
        var heldOut = new List<Rating>((int)(ratings.Count * heldOutShare) + 1);
        ulong threshold = (ulong)(heldOutShare * ulong.MaxValue);
        foreach (var rating in ratings)
            (Mix(rating.UserId, rating.MovieId) < threshold ? heldOut : train).Add(rating);
        return (train.ToArray(), heldOut.ToArray());
    }

    /// <summary>A fixed 64-bit mix (splitmix64's finaliser) of the pair: uniform and stable across runs and machines.</summary>
    private static ulong Mix(int userId, int movieId)
    {
        ulong z = ((ulong)(uint)userId << 32) | (uint)movieId;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
