using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Ease;
using MovieRec.Core.Engine.Neighbourhood;

namespace MovieRec.Tests.Engine;

/// <summary>Hand-built models with seeded random contents, and a bit-for-bit comparison of two models.</summary>
internal static class ModelFileTestData
{
    /// <summary>The fixed header of the current format (version 4: the version-2 header, the neighbours per movie and the EASE movie count).</summary>
    public const int FixedHeaderSize = 44;

    /// <summary>
    /// The bytes of a version-2 file holding the same model as <paramref name="current"/>, a file the
    /// current writer made of a model without a neighbourhood term or EASE: version 2 had neither the
    /// neighbours-per-movie field (bytes 36..39) nor the EASE count (40..43), so drop them, set the version, reseal.
    /// </summary>
    public static byte[] AsVersion2(byte[] current)
    {
        if (BitConverter.ToInt32(current, 36) != 0) throw new ArgumentException("version 2 cannot hold a neighbourhood term");
        return AsOlderVersion(AsVersion3(current), 36, 2u);
    }

    /// <summary>
    /// The same for version 3, from a current file of a model without EASE: version 3 had no EASE
    /// count (bytes 40..43).
    /// </summary>
    public static byte[] AsVersion3(byte[] current)
    {
        if (BitConverter.ToInt32(current, 40) != 0) throw new ArgumentException("version 3 cannot hold EASE");
        return AsOlderVersion(current, 40, 3u);
    }

    /// <summary>
    /// The same for version 4, whose bytes are version 5's: only the version differs (files before
    /// version 5 were trained with the linear confidence, and are read so).
    /// </summary>
    public static byte[] AsVersion4(byte[] current)
    {
        byte[] older = (byte[])current.Clone();
        BitConverter.TryWriteBytes(older.AsSpan(8), 4u);
        SHA256.HashData(older.AsSpan(0, older.Length - 32), older.AsSpan(older.Length - 32));
        return older;
    }

    /// <summary>Drops the 4-byte header field at <paramref name="fieldOffset"/>, sets the version, reseals.</summary>
    private static byte[] AsOlderVersion(byte[] bytes, int fieldOffset, uint version)
    {
        byte[] older = [.. bytes.AsSpan(0, fieldOffset), .. bytes.AsSpan(fieldOffset + 4, bytes.Length - fieldOffset - 4 - 32), .. new byte[32]];
        BitConverter.TryWriteBytes(older.AsSpan(8), version);
        SHA256.HashData(older.AsSpan(0, older.Length - 32), older.AsSpan(older.Length - 32));
        return older;
    }

    /// <summary>
    /// Edits the trainer options in the header JSON of a model file in place, then fixes the JSON
    /// length field and the checksum, so that only the edit differs from a file the writer made.
    /// </summary>
    public static void RewriteHeaderOptions(string path, Action<JsonObject> change)
    {
        byte[] bytes = File.ReadAllBytes(path);
        int jsonLength = BitConverter.ToInt32(bytes, 32);
        var header = JsonNode.Parse(bytes.AsSpan(FixedHeaderSize, jsonLength))!;
        change(header["options"]!.AsObject());
        byte[] json = Encoding.UTF8.GetBytes(header.ToJsonString());
        byte[] edited = [.. bytes.AsSpan(0, FixedHeaderSize), .. json, .. bytes.AsSpan(FixedHeaderSize + jsonLength, bytes.Length - FixedHeaderSize - jsonLength - 32), .. new byte[32]];
        BitConverter.TryWriteBytes(edited.AsSpan(32), json.Length);
        SHA256.HashData(edited.AsSpan(0, edited.Length - 32), edited.AsSpan(edited.Length - 32));
        File.WriteAllBytes(path, edited);
    }

    /// <summary>
    /// A model whose every number is random (so a field written in the wrong place cannot go
    /// unnoticed) and whose first factors are the doubles most easily mangled by a lossy copy.
    /// </summary>
    public static ModelSnapshot RandomModel(
        int seed, int users = 7, int items = 5, int rank = 3,
        bool svdPlusPlus = false, bool ranking = false, int rankingRank = 2, int neighboursPerItem = 0, int easeItems = 0)
    {
        var random = new Random(seed);
        var userFactors = Doubles(random, users * rank);
        // Awkward but finite: a NaN or infinite factor is refused at load (ModelFileValueTests).
        double[] awkward = [-0.0, double.Epsilon, double.MaxValue, -1e-310, double.MinValue, 1e-300];
        awkward.AsSpan(0, Math.Min(awkward.Length, userFactors.Length)).CopyTo(userFactors);

        return new ModelSnapshot
        {
            Users = new IdMap(DistinctIds(random, users)),
            Items = new IdMap(DistinctIds(random, items)),
            Mu = 3.5 + random.NextDouble(),
            UserBias = Doubles(random, users),
            ItemBias = Doubles(random, items),
            UserFactors = new FactorMatrix(users, rank, userFactors),
            ItemFactors = new FactorMatrix(items, rank, Doubles(random, items * rank)),
            ImplicitItemFactors = svdPlusPlus ? new FactorMatrix(items, rank, Doubles(random, items * rank)) : null,
            Ranking = ranking
                ? new RankingModel(
                    new FactorMatrix(users, rankingRank, Doubles(random, users * rankingRank)),
                    new FactorMatrix(items, rankingRank, Doubles(random, items * rankingRank)),
                    Doubles(random, rankingRank * rankingRank),
                    Lambda: 10 + 50 * random.NextDouble(),
                    Alpha: random.NextDouble())
                : null,
            Neighbours = neighboursPerItem > 0
                ? new NeighbourModel(neighboursPerItem, random.Next(1, neighboursPerItem + 1), random.NextDouble(),
                    Enumerable.Range(0, items * neighboursPerItem).Select(_ => random.Next(-1, items)).ToArray(),
                    Enumerable.Range(0, items * neighboursPerItem).Select(_ => (float)random.NextDouble()).ToArray(),
                    new RatingBlend(random.NextDouble() - 0.5, random.NextDouble() + 0.5, random.NextDouble(), 2 * random.NextDouble()))
                : null,
            Ease = easeItems > 0
                ? new EaseModel(Enumerable.Range(0, items).OrderBy(_ => random.Next()).Take(easeItems).ToArray(),
                    Enumerable.Range(0, easeItems * easeItems).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray(), items)
                : null,
            ItemNorms = Doubles(random, items),
            ItemRatingCounts = Ints(random, items),
            UserRatingCounts = Ints(random, users),
            Options = RandomOptions(random, rank, svdPlusPlus, ranking),
            Facts = RandomFacts(random, users, items),
        };
    }

    /// <summary>Asserts that every array, scalar, option and fact of the two models is bit-for-bit the same.</summary>
    public static void AssertSameModel(ModelSnapshot expected, ModelSnapshot actual)
    {
        Assert.Equal(expected.Users.Ids.ToArray(), actual.Users.Ids.ToArray());
        Assert.Equal(expected.Items.Ids.ToArray(), actual.Items.Ids.ToArray());
        AssertSameBits(expected.Mu, actual.Mu, "mu");
        AssertSameBits(expected.UserBias, actual.UserBias, "user bias");
        AssertSameBits(expected.ItemBias, actual.ItemBias, "item bias");
        AssertSameMatrix(expected.UserFactors, actual.UserFactors, "P");
        AssertSameMatrix(expected.ItemFactors, actual.ItemFactors, "Q");

        Assert.Equal(expected.ImplicitItemFactors is null, actual.ImplicitItemFactors is null);
        if (expected.ImplicitItemFactors is { } y)
            AssertSameMatrix(y, actual.ImplicitItemFactors!, "SVD++ Y");

        Assert.Equal(expected.Ranking is null, actual.Ranking is null);
        if (expected.Ranking is { } ranking)
        {
            var loaded = actual.Ranking!;
            AssertSameMatrix(ranking.UserFactors, loaded.UserFactors, "ranking X");
            AssertSameMatrix(ranking.ItemFactors, loaded.ItemFactors, "ranking Y");
            AssertSameBits(ranking.ItemGram, loaded.ItemGram, "ranking gram");
            AssertSameBits(ranking.Lambda, loaded.Lambda, "ranking lambda");
            AssertSameBits(ranking.Alpha, loaded.Alpha, "ranking alpha");
        }

        Assert.Equal(expected.Neighbours is null, actual.Neighbours is null);
        if (expected.Neighbours is { } neighbours)
        {
            var loaded = actual.Neighbours!;
            Assert.Equal((neighbours.PerItem, neighbours.Used), (loaded.PerItem, loaded.Used));
            AssertSameBits(neighbours.Damping, loaded.Damping, "neighbour damping");
            Assert.Equal(neighbours.Neighbours, loaded.Neighbours);
            Assert.True(MemoryMarshal.AsBytes(neighbours.Similarities.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(loaded.Similarities.AsSpan())), "neighbour similarities differ");
            Assert.Equal(neighbours.Blend, loaded.Blend);
        }

        Assert.Equal(expected.Ease is null, actual.Ease is null);
        if (expected.Ease is { } ease)
        {
            Assert.Equal(ease.Items, actual.Ease!.Items);
            Assert.True(MemoryMarshal.AsBytes(ease.Weights.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(actual.Ease.Weights.AsSpan())), "EASE weights differ");
        }

        AssertSameBits(expected.ItemNorms, actual.ItemNorms, "item norms");
        Assert.Equal(expected.ItemRatingCounts, actual.ItemRatingCounts);
        Assert.Equal(expected.UserRatingCounts, actual.UserRatingCounts);

        Assert.Equal(expected.Options, actual.Options);
        AssertSameFacts(expected.Facts, actual.Facts);
    }

    public static void AssertSameFacts(TrainingFacts expected, TrainingFacts actual)
    {
        // Record equality compares the curve list by reference, so compare it apart.
        Assert.Equal(expected with { Curve = [] }, actual with { Curve = [] });
        Assert.Equal(expected.Curve, actual.Curve);
        // DateTimeOffset equality ignores the offset; the file must keep it.
        Assert.Equal(expected.TrainedAt.Offset, actual.TrainedAt.Offset);
    }

    private static void AssertSameMatrix(FactorMatrix expected, FactorMatrix actual, string name)
    {
        Assert.Equal(expected.Rows, actual.Rows);
        Assert.Equal(expected.Rank, actual.Rank);
        AssertSameBits(expected.Data, actual.Data, name);
    }

    private static void AssertSameBits(double expected, double actual, string name) =>
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual),
            $"{name}: expected {expected:R}, got {actual:R}");

    private static void AssertSameBits(double[] expected, double[] actual, string name)
    {
        Assert.Equal(expected.Length, actual.Length);
        Assert.True(MemoryMarshal.AsBytes(expected.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(actual.AsSpan())),
            $"{name}: the loaded numbers differ from the saved ones");
    }

    private static TrainerOptions RandomOptions(Random random, int rank, bool svdPlusPlus, bool ranking) => new()
    {
        Rank = rank,
        Lambda = random.NextDouble(),
        WeightedLambda = random.Next(2) == 0,
        BiasMode = BiasMode.FromMu,
        ItemBiasShrinkage = 20 * random.NextDouble(),
        UserBiasShrinkage = 20 * random.NextDouble(),
        Iterations = random.Next(1, 50),
        Seed = random.Next(),
        Threads = random.Next(0, 16),
        InitialScale = random.NextDouble(),
        SvdPlusPlus = svdPlusPlus,
        LambdaY = 500 * random.NextDouble(),
        Ranking = ranking,
        RankingRank = random.Next(1, 64),
        RankingLambda = 100 * random.NextDouble(),
        RankingAlpha = random.NextDouble(),
        // What files older than version 5 read as, so that the older-version tests compare like with
        // like; ModelFileValueTests round-trips another exponent.
        RankingConfidenceExponent = 1,
        RankingIterations = random.Next(1, 30),
        RankingRatingWeight = random.NextDouble(),
    };

    private static TrainingFacts RandomFacts(Random random, int users, int items) => new()
    {
        RatingCount = random.NextInt64(1, long.MaxValue),
        UserCount = users,
        MovieCount = items,
        // A tick-precise instant in a non-UTC zone: both the ticks and the offset must survive.
        TrainedAt = new DateTimeOffset(
            new DateTime(2000, 1, 1).AddTicks(random.NextInt64(0, TimeSpan.TicksPerDay * 36500)),
            TimeSpan.FromMinutes(15 * random.Next(-12 * 4, 14 * 4))),
        DataFingerprint = $"sha256:{random.NextInt64():x16} \u00e9\u2713",
        TrainSeconds = 1000 * random.NextDouble(),
        HeldOutRmse = double.NaN,
        Curve =
        [
            new IterationReport("als", 1, random.NextDouble(), null, random.NextDouble()),
            new IterationReport("als", 2, random.NextDouble(), random.NextDouble(), random.NextDouble()),
            new IterationReport("ranking", 1, double.PositiveInfinity, double.NaN, random.NextDouble()),
        ],
    };

    private static int[] DistinctIds(Random random, int count)
    {
        // Sparse, increasing, then shuffled: the file must keep the dense-index order, not sort.
        var ids = new int[count];
        int id = 0;
        for (int i = 0; i < count; i++)
            ids[i] = id += random.Next(1, 1000);
        random.Shuffle(ids);
        return ids;
    }

    private static double[] Doubles(Random random, int count)
    {
        var values = new double[count];
        for (int i = 0; i < count; i++)
            values[i] = 4 * random.NextDouble() - 2;
        return values;
    }

    private static int[] Ints(Random random, int count)
    {
        var values = new int[count];
        for (int i = 0; i < count; i++)
            values[i] = random.Next(0, 100_000);
        return values;
    }
}

/// <summary>A fresh directory under the system temp folder, deleted with everything in it afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "movierec-modelfile-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>The names of everything in the directory, hidden files included, sorted.</summary>
    public string[] Entries() =>
        Directory.GetFileSystemEntries(Path).Select(System.IO.Path.GetFileName).Order().ToArray()!;

    public void Dispose()
    {
        if (Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }
}
