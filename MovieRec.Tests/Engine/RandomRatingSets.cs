using MovieRec.Core.Ratings;

namespace MovieRec.Tests.Engine;

/// <summary>Seeded random half-star ratings of users 1.. and movies 10, 20, ..., for engine tests.</summary>
internal static class RandomRatingSets
{
    /// <summary>Each (user, movie) rated with probability <paramref name="density"/>.</summary>
    public static Rating[] Uniform(int seed, int users, int items, double density) =>
        Create(seed, users, items, _ => density);

    /// <summary>Lower movie numbers rated more often (1.5 times the density down to half), so that "most rated" is a real choice.</summary>
    public static Rating[] LowerIdsRatedMore(int seed, int users, int items, double density) =>
        Create(seed, users, items, i => density * (1.5 - (double)i / items));

    private static Rating[] Create(int seed, int users, int items, Func<int, double> chance)
    {
        var random = new Random(seed);
        var ratings = new List<Rating>();
        for (int u = 0; u < users; u++)
            for (int i = 0; i < items; i++)
                if (random.NextDouble() < chance(i))
                    ratings.Add(new Rating(u + 1, 10 * (i + 1), (float)(random.Next(1, 11) / 2.0), 0));
        return ratings.ToArray();
    }
}
