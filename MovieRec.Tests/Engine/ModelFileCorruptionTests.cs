using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using MovieRec.Core.Engine;
using static MovieRec.Tests.Engine.ModelFileTestData;

namespace MovieRec.Tests.Engine;

/// <summary>Damaged, foreign and hostile files are refused with the check that caught them.</summary>
public sealed class ModelFileCorruptionTests : IDisposable
{
    // Offsets of the fixed header, as in docs/MODEL_FORMAT.md.
    private const int UsersOffset = 12, RankOffset = 20, FlagsOffset = 24, JsonLengthOffset = 32, FixedHeaderSize = ModelFileTestData.FixedHeaderSize;

    private readonly TempDirectory _directory = new();
    private readonly byte[] _valid;

    public ModelFileCorruptionTests()
    {
        // Every optional part present, so damage can land in each kind of field.
        string path = _directory.File("valid.bin");
        ModelFile.Write(RandomModel(seed: 21, users: 9, items: 6, rank: 3, svdPlusPlus: true, ranking: true, rankingRank: 2, neighboursPerItem: 2), path);
        _valid = File.ReadAllBytes(path);
    }

    public void Dispose() => _directory.Dispose();

    private int JsonLength => BinaryPrimitives.ReadInt32LittleEndian(_valid.AsSpan(JsonLengthOffset));
    private int FirstArrayOffset => FixedHeaderSize + JsonLength;

    [Fact]
    public void TruncationAtEveryLength_IsRefusedAsTruncated()
    {
        // Covers the magic, the version, the fixed header, the JSON, every array and the checksum.
        for (int length = 0; length < _valid.Length; length++)
        {
            var error = RefuseRead(_valid.AsSpan(0, length).ToArray());
            Assert.True(error.Problem == ModelFileProblem.Truncated, $"cut at {length}: {error.Message}");
        }
    }

    [Theory]
    [InlineData(0, "empty")]
    [InlineData(5, "ends inside the 8-byte magic")]
    [InlineData(10, "ends inside the format version")]
    [InlineData(20, "ends inside the 44-byte fixed header")]
    [InlineData(40, "ends inside the 44-byte fixed header")]
    [InlineData(44, "missing")]
    public void Truncation_SaysWhereTheFileEnds(int length, string expected)
    {
        var error = RefuseRead(_valid.AsSpan(0, length).ToArray());

        Assert.Equal(ModelFileProblem.Truncated, error.Problem);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void TruncationInsideTheChecksum_IsRefusedByReadInfoToo()
    {
        var error = Assert.Throws<ModelFileException>(() => ModelFile.ReadInfo(Save(_valid.AsSpan(0, _valid.Length - 5).ToArray())));

        Assert.Equal(ModelFileProblem.Truncated, error.Problem);
        Assert.Contains("5 missing", error.Message);
    }

    [Fact]
    public void ExtraBytesAfterTheChecksum_AreRefused()
    {
        var error = RefuseRead([.. _valid, 0]);

        Assert.Equal(ModelFileProblem.SizeMismatch, error.Problem);
        Assert.Contains("1 too many", error.Message);
    }

    [Fact]
    public void FlippingOneBitAnywhere_IsRefused()
    {
        for (int offset = 0; offset < _valid.Length; offset++)
        {
            // All eight bits of the fixed header and the checksum; one bit, varying, elsewhere.
            bool everyBit = offset < FixedHeaderSize || offset >= _valid.Length - 32;
            for (int bit = everyBit ? 0 : offset % 8; bit < (everyBit ? 8 : offset % 8 + 1); bit++)
            {
                byte[] damaged = (byte[])_valid.Clone();
                damaged[offset] ^= (byte)(1 << bit);

                var error = RefuseRead(damaged);

                ModelFileProblem[] expected = offset switch
                {
                    < 8 => [ModelFileProblem.NotAModelFile],
                    // 5 -> 7, 13 or higher names no version this reader knows; the size check catches 1;
                    // 4 has version 5's bytes, and the checksum (which covers the version) catches it.
                    < 12 => [ModelFileProblem.UnsupportedVersion, ModelFileProblem.BadHeader, ModelFileProblem.SizeMismatch, ModelFileProblem.ChecksumMismatch],
                    < FixedHeaderSize => new[] { ModelFileProblem.BadHeader, ModelFileProblem.Truncated, ModelFileProblem.SizeMismatch },
                    // The JSON is only parsed once the checksum has vouched for it.
                    _ when offset < FirstArrayOffset => [ModelFileProblem.ChecksumMismatch],
                    _ => [ModelFileProblem.ChecksumMismatch, ModelFileProblem.BadArrayLength],
                };
                Assert.True(expected.Contains(error.Problem), $"bit {bit} of byte {offset}: {error.Problem}: {error.Message}");
            }
        }
    }

    [Fact]
    public void FlippingABitInAnArray_IsCaughtByTheChecksum_WithBothHashesInTheMessage()
    {
        byte[] damaged = (byte[])_valid.Clone();
        damaged[_valid.Length - 100] ^= 0x10;

        var error = RefuseRead(damaged);

        Assert.Equal(ModelFileProblem.ChecksumMismatch, error.Problem);
        Assert.Contains(Convert.ToHexStringLower(_valid.AsSpan(_valid.Length - 32)), error.Message);
    }

    [Fact]
    public void ReadInfo_ChecksOnlyTheHeaderUnlessAskedToVerify()
    {
        byte[] damaged = (byte[])_valid.Clone();
        damaged[_valid.Length - 100] ^= 0x10;
        string path = Save(damaged);

        var cheap = ModelFile.ReadInfo(path);
        var error = Assert.Throws<ModelFileException>(() => ModelFile.ReadInfo(path, verifyChecksum: true));

        Assert.False(cheap.ChecksumVerified);
        Assert.Equal(ModelFileProblem.ChecksumMismatch, error.Problem);
    }

    [Fact]
    public void WrongMagic_IsRefusedAsNotAModelFile_ShowingWhatWasFound()
    {
        byte[] foreign = (byte[])_valid.Clone();
        "NOTMODEL"u8.CopyTo(foreign);

        var error = RefuseRead(foreign);

        Assert.Equal(ModelFileProblem.NotAModelFile, error.Problem);
        Assert.Contains("\"MRECMODL\"", error.Message);
        Assert.Contains("\"NOTMODEL\"", error.Message);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(6u)]
    [InlineData(uint.MaxValue)]
    public void WrongVersion_IsRefusedNamingBothVersions(uint version)
    {
        byte[] other = (byte[])_valid.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(other.AsSpan(8), version);

        var error = RefuseRead(other);

        Assert.Equal(ModelFileProblem.UnsupportedVersion, error.Problem);
        Assert.Contains($"format version {version}", error.Message);
        Assert.Contains("reads versions 1 to 5", error.Message);
    }

    [Fact]
    public void ForeignFiles_AreRefusedAsNotAModelFile()
    {
        var random = new Random(22);
        byte[] noise = new byte[4096];
        random.NextBytes(noise);
        byte[][] foreign =
        [
            noise,
            Encoding.UTF8.GetBytes("""{"options": {}, "facts": {}}"""),
            [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13],
            [(byte)'X'], // one byte, and not the start of the magic
        ];

        foreach (byte[] bytes in foreign)
            Assert.Equal(ModelFileProblem.NotAModelFile, RefuseRead(bytes).Problem);
    }

    [Fact]
    public void UnknownFlagBits_AreRefused()
    {
        byte[] damaged = (byte[])_valid.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(damaged.AsSpan(FlagsOffset), 0b11111);

        var error = RefuseRead(damaged);

        Assert.Equal(ModelFileProblem.BadHeader, error.Problem);
        Assert.Contains("unknown flag bits", error.Message);
    }

    [Fact]
    public void HostileElementCount_IsRefusedWithoutAllocating()
    {
        foreach (long hostile in new long[] { int.MaxValue, long.MaxValue, -1 })
        {
            byte[] damaged = (byte[])_valid.Clone();
            // The first array (user ids) starts right after the JSON with its int64 element count.
            BinaryPrimitives.WriteInt64LittleEndian(damaged.AsSpan(FirstArrayOffset), hostile);
            // Resealed: the streaming checksum pass would catch the damage first otherwise, and this
            // is about a forged file whose checksum matches.
            Reseal(damaged);

            var error = RefuseReadAllocatingLittle(damaged);

            Assert.Equal(ModelFileProblem.BadArrayLength, error.Problem);
            Assert.Contains($"user ids: the header's shape needs 9 elements, the file says {hostile}", error.Message);
        }
    }

    [Theory]
    [InlineData(int.MaxValue, 64, ModelFileProblem.BadHeader, "larger than any array")]
    [InlineData(1_000_000, 64, ModelFileProblem.Truncated, "missing")]
    [InlineData(-5, 3, ModelFileProblem.BadHeader, "user count is negative")]
    public void HostileShape_IsRefusedBeforeAnyArrayIsAllocated(int users, int rank, ModelFileProblem problem, string expected)
    {
        byte[] damaged = (byte[])_valid.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(damaged.AsSpan(UsersOffset), users);
        BinaryPrimitives.WriteInt32LittleEndian(damaged.AsSpan(RankOffset), rank);

        var error = RefuseReadAllocatingLittle(damaged);

        Assert.Equal(problem, error.Problem);
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData(int.MaxValue, ModelFileProblem.BadHeader)]
    [InlineData(-1, ModelFileProblem.BadHeader)]
    [InlineData(10_000_000, ModelFileProblem.Truncated)]
    public void HostileJsonLength_IsRefusedWithoutAllocatingIt(int jsonLength, ModelFileProblem problem)
    {
        byte[] damaged = (byte[])_valid.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(damaged.AsSpan(JsonLengthOffset), jsonLength);

        Assert.Equal(problem, RefuseReadAllocatingLittle(damaged).Problem);
    }

    [Fact]
    public void IntactBytesThatAreNotAValidModel_AreRefusedAsInconsistent()
    {
        byte[] bytes = (byte[])_valid.Clone();
        // Give the second user the first user's id, then make the checksum match again.
        int userIds = FirstArrayOffset + 8;
        bytes.AsSpan(userIds, 4).CopyTo(bytes.AsSpan(userIds + 4));
        Reseal(bytes);

        var error = RefuseRead(bytes);

        Assert.Equal(ModelFileProblem.InconsistentContent, error.Problem);
        Assert.Contains("appears twice", error.Message);
    }

    [Fact]
    public void IntactHeaderJsonWithoutTheOptions_IsRefusedAsBadHeader()
    {
        byte[] bytes = (byte[])_valid.Clone();
        int key = bytes.AsSpan(FixedHeaderSize, JsonLength).IndexOf("\"options\""u8);
        "\"optionz\""u8.CopyTo(bytes.AsSpan(FixedHeaderSize + key));
        Reseal(bytes);

        var error = RefuseRead(bytes);

        Assert.Equal(ModelFileProblem.BadHeader, error.Problem);
        Assert.Contains("header JSON", error.Message);
    }

    private ModelFileException RefuseRead(byte[] bytes)
    {
        string path = Save(bytes);
        var error = Assert.Throws<ModelFileException>(() => ModelFile.Read(path));
        Assert.Equal(Path.GetFullPath(path), error.Path);
        Assert.Contains(path, error.Message);
        return error;
    }

    /// <summary>
    /// Refuses the file and checks that doing so allocated far less than the hostile numbers ask
    /// for: a few buffers and the message, not an array.
    /// </summary>
    private ModelFileException RefuseReadAllocatingLittle(byte[] bytes)
    {
        string path = Save(bytes);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<ModelFileException>(() => ModelFile.Read(path));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 512 * 1024, $"refusing the file allocated {allocated} bytes");
        return error;
    }

    private string Save(byte[] bytes)
    {
        string path = _directory.File("damaged.bin");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Recomputes the trailing checksum, for damage that only later checks should catch.</summary>
    private static void Reseal(byte[] bytes) =>
        SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32), bytes.AsSpan(bytes.Length - 32));
}
