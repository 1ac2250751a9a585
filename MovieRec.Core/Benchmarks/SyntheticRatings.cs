using MovieRec.Core.Ratings;

namespace MovieRec.Core.Benchmarks;

/// <summary>
/// Draws a dataset with the shape of real rating data, for benchmarks at sizes the repository does
/// not ship: movie popularity follows a power law (a few blockbusters, a long tail), so does user
/// activity (every user has at least a handful of ratings, a few have thousands), and each rating
/// comes from a hidden low-rank model plus noise, rounded to half stars in [0.5, 5].
/// The same shape and seed always give the same ratings, whatever the thread count and in every process.
/// </summary>
public static class SyntheticRatings
{
    private const int HiddenRank = 8;
    private const double PopularityExponent = 1.0;  // Zipf-like: weight of the r-th movie ~ 1 / r
    private const double ActivityExponent = 1.2;     // Pareto tail of ratings per user
    private const double NoiseStd = 0.7;

    public static Rating[] Generate(SyntheticShape shape, int seed = 1, IProgress<double>? progress = null)
    {
        int[] perUser = RatingsPerUser(shape, seed);
        long[] offsets = new long[shape.Users + 1];
        for (int u = 0; u < shape.Users; u++) offsets[u + 1] = offsets[u] + perUser[u];
        var ratings = new Rating[offsets[^1]];

        var popularity = CumulativePopularity(shape.Movies);
        var hidden = new HiddenModel(shape, seed);
        int done = 0;
        Parallel.For(0, shape.Users, u =>
        {
            // One stream per user: the result does not depend on scheduling.
            var random = new Random(UserStream(seed, u));
            var chosen = new HashSet<int>(perUser[u]);
            long slot = offsets[u];
            while (chosen.Count < perUser[u])
            {
                int movie = SampleMovie(popularity, random);
                if (!chosen.Add(movie)) continue;
                double value = hidden.Rating(u, movie) + NoiseStd * Gaussian(random);
                float stars = (float)Math.Clamp(Math.Round(value * 2) / 2, 0.5, 5.0);
                ratings[slot++] = new Rating(u + 1, movie + 1, stars, 1_600_000_000L + slot);
            }
            int finished = Interlocked.Increment(ref done);
            if (progress is not null && finished % 10_000 == 0) progress.Report((double)finished / shape.Users);
        });
        progress?.Report(1.0);
        return ratings;
    }

    /// <summary>
    /// The seed of user <paramref name="user"/>'s stream: a fixed mix of the two numbers
    /// (MurmurHash3's finaliser). Not HashCode.Combine, which is seeded afresh in every process:
    /// two runs of the same bench would train on different ratings and report check-set RMSEs
    /// that differ by the draw, not by the build.
    /// </summary>
    internal static int UserStream(int seed, int user)
    {
        ulong x = ((ulong)(uint)seed << 32) | (uint)user;
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53UL;
        x ^= x >> 33;
        return (int)x;
    }

    /// <summary>
    /// The synthetic check set: every <paramref name="every"/>-th rating (in the generated order,
    /// so spread over all users) is held out, the rest are for training. The same ratings always
    /// give the same split, so held-out RMSE can be compared between builds.
    /// </summary>
    public static (Rating[] Train, Rating[] Check) SplitCheckSet(Rating[] ratings, int every = 100)
    {
        if (every < 2) throw new ArgumentOutOfRangeException(nameof(every), "hold out at most every second rating");
        var check = new Rating[ratings.Length / every];
        var train = new Rating[ratings.Length - check.Length];
        int t = 0, c = 0;
        for (int n = 0; n < ratings.Length; n++)
        {
            if (n % every == every - 1) check[c++] = ratings[n];
            else train[t++] = ratings[n];
        }
        return (train, check);
    }

    /// <summary>
    /// Ratings per user from a Pareto tail, scaled to add up to the requested total, each user
    /// holding at least min(5, movies) and at most all the movies.
    /// </summary>
    private static int[] RatingsPerUser(SyntheticShape shape, int seed)
    {
        var random = new Random(seed);
        var weights = new double[shape.Users];
        for (int u = 0; u < weights.Length; u++) weights[u] = Math.Pow(1 - random.NextDouble(), -1 / ActivityExponent);
        double total = weights.Sum();
        int floor = (int)Math.Min(Math.Min(5, shape.Movies), shape.Ratings / shape.Users);
        long spare = shape.Ratings - (long)floor * shape.Users;
        var counts = new int[shape.Users];
        long assigned = 0;
        for (int u = 0; u < counts.Length; u++)
        {
            counts[u] = (int)Math.Min(shape.Movies, floor + Math.Floor(spare * weights[u] / total));
            assigned += counts[u];
        }
        // Hand out what rounding and the per-user cap left over, one at a time, round robin.
        for (int u = 0; assigned < shape.Ratings; u = (u + 1) % counts.Length)
        {
            if (counts[u] < shape.Movies) { counts[u]++; assigned++; }
        }
        return counts;
    }

    private static double[] CumulativePopularity(int movies)
    {
        var cumulative = new double[movies];
        double sum = 0;
        for (int m = 0; m < movies; m++)
        {
            sum += Math.Pow(m + 1, -PopularityExponent);
            cumulative[m] = sum;
        }
        for (int m = 0; m < movies; m++) cumulative[m] /= sum;
        return cumulative;
    }

    private static int SampleMovie(double[] cumulative, Random random)
    {
        int index = Array.BinarySearch(cumulative, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }

    private static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>The truth the ratings are drawn from: 3.5 + b_u + b_i + p_u . q_i.</summary>
    private sealed class HiddenModel
    {
        private readonly float[] _userBias, _movieBias, _userFactors, _movieFactors;

        public HiddenModel(SyntheticShape shape, int seed)
        {
            var random = new Random(seed + 7);
            _userBias = Draw(shape.Users, 0.4, random);
            _movieBias = Draw(shape.Movies, 0.5, random);
            _userFactors = Draw(shape.Users * HiddenRank, 0.35, random);
            _movieFactors = Draw(shape.Movies * HiddenRank, 0.35, random);
        }

        public double Rating(int user, int movie)
        {
            double dot = 0;
            for (int c = 0; c < HiddenRank; c++) dot += _userFactors[user * HiddenRank + c] * _movieFactors[movie * HiddenRank + c];
            return 3.5 + _userBias[user] + _movieBias[movie] + dot;
        }

        private static float[] Draw(int count, double std, Random random)
        {
            var values = new float[count];
            for (int n = 0; n < count; n++) values[n] = (float)(std * Gaussian(random));
            return values;
        }
    }
}
