using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MovieRec.Core.Engine;
using static MovieRec.Tests.Engine.ModelFileTestData;

namespace MovieRec.Tests.Engine;

/// <summary>Round trips and the documented layout of the model file.</summary>
public sealed class ModelFileTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void RoundTrip_KeepsEveryArrayOptionAndFactBitForBit(bool svdPlusPlus, bool ranking)
    {
        var model = RandomModel(seed: 11, users: 23, items: 17, rank: 5, svdPlusPlus, ranking, rankingRank: 4);
        string path = _directory.File("model.bin");

        ModelFile.Write(model, path);
        var loaded = ModelFile.Read(path);

        AssertSameModel(model, loaded);
        Assert.Equal(["model.bin"], _directory.Entries());
    }

    [Fact]
    public void RoundTrip_OfAModelWithNoUsersOrItems_Works()
    {
        var model = RandomModel(seed: 3, users: 0, items: 0, rank: 4, svdPlusPlus: true, ranking: true, rankingRank: 3);
        string path = _directory.File("empty-model.bin");

        ModelFile.Write(model, path);

        AssertSameModel(model, ModelFile.Read(path));
    }

    [Fact]
    public void RoundTrip_OfArraysLargerThanOneCopyChunk_Works()
    {
        // 3000 x 60 doubles is 1.4 MB: the user factors cross the 1 MB piece size of reader and writer.
        var model = RandomModel(seed: 5, users: 3000, items: 40, rank: 60, ranking: true, rankingRank: 50);
        string path = _directory.File("model.bin");

        ModelFile.Write(model, path);

        AssertSameModel(model, ModelFile.Read(path));
    }

    [Fact]
    public void Read_DescribesTheFileWithTheVerifiedChecksum()
    {
        var model = RandomModel(seed: 12, svdPlusPlus: true, ranking: true);
        string path = _directory.File("model.bin");
        ModelFile.Write(model, path);
        byte[] bytes = File.ReadAllBytes(path);

        ModelFile.Read(path, out var info);

        string expectedChecksum = Convert.ToHexStringLower(SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32)));
        Assert.Equal(expectedChecksum, info.Checksum);
        Assert.Equal(expectedChecksum, Convert.ToHexStringLower(bytes.AsSpan(bytes.Length - 32)));
        Assert.True(info.ChecksumVerified);
        Assert.Equal(Path.GetFullPath(path), info.Path);
        Assert.Equal(5u, info.Version);
        Assert.Equal(ModelFile.CurrentVersion, info.Version);
        Assert.Equal(bytes.LongLength, info.SizeBytes);
        Assert.Equal((7, 5, 3, true, true, 2),
            (info.UserCount, info.ItemCount, info.Rank, info.HasImplicitItemFactors, info.HasRanking, info.RankingRank));
        Assert.Equal(model.Options, info.Options);
        AssertSameFacts(model.Facts, info.Facts);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadInfo_GivesTheSameDescriptionAsRead(bool verifyChecksum)
    {
        string path = _directory.File("model.bin");
        ModelFile.Write(RandomModel(seed: 13, ranking: true), path);
        ModelFile.Read(path, out var fromRead);

        var fromReadInfo = ModelFile.ReadInfo(path, verifyChecksum);

        Assert.Equal(verifyChecksum, fromReadInfo.ChecksumVerified);
        Assert.Equal(fromRead with { ChecksumVerified = verifyChecksum, Facts = fromReadInfo.Facts }, fromReadInfo);
        AssertSameFacts(fromRead.Facts, fromReadInfo.Facts);
    }

    [Fact]
    public void Write_OfTheSameModelTwice_GivesTheSameBytes()
    {
        var model = RandomModel(seed: 14, svdPlusPlus: true, ranking: true);
        ModelFile.Write(model, _directory.File("a.bin"));
        ModelFile.Write(model, _directory.File("b.bin"));

        Assert.Equal(File.ReadAllBytes(_directory.File("a.bin")), File.ReadAllBytes(_directory.File("b.bin")));
    }

    /// <summary>
    /// Decodes a file with a plain BinaryReader following docs/MODEL_FORMAT.md, field by field, so that
    /// the document and the code cannot drift apart unnoticed.
    /// </summary>
    [Fact]
    public void Layout_IsTheOneDocumentedInModelFormatMd()
    {
        var model = RandomModel(seed: 15, users: 6, items: 4, rank: 3, svdPlusPlus: true, ranking: true, rankingRank: 2, neighboursPerItem: 2, easeItems: 3);
        string path = _directory.File("model.bin");
        ModelFile.Write(model, path);
        byte[] bytes = File.ReadAllBytes(path);
        using var reader = new BinaryReader(new MemoryStream(bytes)); // BinaryReader is little-endian everywhere

        Assert.Equal("MRECMODL"u8.ToArray(), reader.ReadBytes(8));
        Assert.Equal(5u, reader.ReadUInt32());
        Assert.Equal(6, reader.ReadInt32());
        Assert.Equal(4, reader.ReadInt32());
        Assert.Equal(3, reader.ReadInt32());
        Assert.Equal(0b1111u, reader.ReadUInt32());
        Assert.Equal(2, reader.ReadInt32());
        int jsonLength = reader.ReadInt32();
        Assert.Equal(2, reader.ReadInt32()); // neighbours kept per movie
        Assert.Equal(3, reader.ReadInt32()); // EASE movies
        using (var json = JsonDocument.Parse(reader.ReadBytes(jsonLength)))
        {
            var options = json.RootElement.GetProperty("options");
            Assert.Equal(model.Options.Seed, options.GetProperty("seed").GetInt32());
            Assert.Equal("FromMu", options.GetProperty("biasMode").GetString());
            Assert.False(options.TryGetProperty("effectiveThreads", out _), "machine-dependent EffectiveThreads must not be stored");
            Assert.Equal(model.Facts.DataFingerprint, json.RootElement.GetProperty("facts").GetProperty("dataFingerprint").GetString());
        }

        Assert.Equal(model.Users.Ids.ToArray(), ReadInts(reader));
        Assert.Equal(model.Items.Ids.ToArray(), ReadInts(reader));
        Assert.Equal(model.Mu, reader.ReadDouble());
        Assert.Equal(model.UserBias, ReadDoubles(reader));
        Assert.Equal(model.ItemBias, ReadDoubles(reader));
        Assert.Equal(model.UserFactors.Data, ReadDoubles(reader));
        Assert.Equal(model.ItemFactors.Data, ReadDoubles(reader));
        Assert.Equal(model.ImplicitItemFactors!.Data, ReadDoubles(reader));
        Assert.Equal(model.Ranking!.UserFactors.Data, ReadDoubles(reader));
        Assert.Equal(model.Ranking.ItemFactors.Data, ReadDoubles(reader));
        Assert.Equal(model.Ranking.ItemGram, ReadDoubles(reader));
        Assert.Equal(model.Ranking.Lambda, reader.ReadDouble());
        Assert.Equal(model.Ranking.Alpha, reader.ReadDouble());
        Assert.Equal(model.ItemNorms, ReadDoubles(reader));
        Assert.Equal(model.ItemRatingCounts, ReadInts(reader));
        Assert.Equal(model.UserRatingCounts, ReadInts(reader));
        var neighbours = model.Neighbours!;
        Assert.Equal(neighbours.Neighbours, ReadInts(reader));
        Assert.Equal(neighbours.Similarities.Length, reader.ReadInt64());
        Assert.Equal(neighbours.Similarities, Enumerable.Range(0, neighbours.Similarities.Length).Select(_ => reader.ReadSingle()).ToArray());
        Assert.Equal(neighbours.Used, reader.ReadInt64());
        Assert.Equal(neighbours.Damping, reader.ReadDouble());
        Assert.Equal(neighbours.Blend, new MovieRec.Core.Engine.Neighbourhood.RatingBlend(reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble()));
        var ease = model.Ease!;
        Assert.Equal(ease.Items, ReadInts(reader));
        Assert.Equal(ease.Weights.Length, reader.ReadInt64());
        Assert.Equal(ease.Weights, Enumerable.Range(0, ease.Weights.Length).Select(_ => reader.ReadSingle()).ToArray());

        long checksumOffset = reader.BaseStream.Position;
        Assert.Equal(bytes.Length - 32, checksumOffset);
        Assert.Equal(SHA256.HashData(bytes.AsSpan(0, (int)checksumOffset)), reader.ReadBytes(32));
    }

    [Fact]
    public void Layout_WithoutOptionalParts_HasNoFlagsAndNoOptionalArrays()
    {
        var model = RandomModel(seed: 16, users: 2, items: 3, rank: 1);
        string path = _directory.File("model.bin");
        ModelFile.Write(model, path);
        byte[] bytes = File.ReadAllBytes(path);

        uint flags = BitConverter.ToUInt32(bytes, 24);
        int rankingRank = BitConverter.ToInt32(bytes, 28);
        int jsonLength = BitConverter.ToInt32(bytes, 32);
        // ids (2 + 3 ints), mu, biases (2 + 3), P (2), Q (3), norms 3, counts 3 ints, user counts 2 ints.
        int body = (8 + 2 * 4) + (8 + 3 * 4) + 8 + (8 + 2 * 8) + (8 + 3 * 8) + (8 + 2 * 8) + (8 + 3 * 8)
                   + (8 + 3 * 8) + (8 + 3 * 4) + (8 + 2 * 4);
        Assert.Equal(0u, flags);
        Assert.Equal(0, rankingRank);
        Assert.Equal(0, BitConverter.ToInt32(bytes, 36)); // no neighbours per movie
        Assert.Equal(0, BitConverter.ToInt32(bytes, 40)); // no EASE movies
        Assert.Equal(44 + jsonLength + body + 32, bytes.Length);
        Assert.Contains("\"options\"", Encoding.UTF8.GetString(bytes, 44, jsonLength));
    }

    /// <summary>
    /// The compatibility rule of docs/MODEL_FORMAT.md: within a version, options unknown to this
    /// reader are ignored and options missing from the file take their defaults.
    /// </summary>
    [Fact]
    public void HeaderJson_WithAnUnknownAndAMissingOption_IsReadWithTheDefault()
    {
        var model = RandomModel(seed: 17, ranking: true);
        string path = _directory.File("model.bin");
        ModelFile.Write(model, path);
        RewriteHeaderOptions(path, options =>
        {
            Assert.True(options.Remove("lambdaY"));
            options.Add("optionFromTheFuture", 42);
        });

        var loaded = ModelFile.Read(path);

        Assert.Equal(new TrainerOptions().LambdaY, loaded.Options.LambdaY);
        Assert.Equal(model.Options with { LambdaY = loaded.Options.LambdaY }, loaded.Options);
    }

    private static int[] ReadInts(BinaryReader reader)
    {
        long count = reader.ReadInt64();
        return Enumerable.Range(0, checked((int)count)).Select(_ => reader.ReadInt32()).ToArray();
    }

    private static double[] ReadDoubles(BinaryReader reader)
    {
        long count = reader.ReadInt64();
        return Enumerable.Range(0, checked((int)count)).Select(_ => reader.ReadDouble()).ToArray();
    }
}
