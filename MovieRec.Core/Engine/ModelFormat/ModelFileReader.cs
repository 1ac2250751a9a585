using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace MovieRec.Core.Engine.ModelFormat;

/// <summary>
/// Reads one model file in the version-4 layout (or version 3, without EASE, version 2, without the
/// neighbourhood term either, or version 1, which also held the item rating sums). <see cref="Open"/> checks everything that decides
/// how much memory the rest needs (magic, version, shape, JSON length, exact file size) before
/// anything large is allocated; <see cref="ReadModel"/> then reads the arrays in the order of
/// <see cref="ModelFileWriter"/> and accepts them only if the checksum matches.
/// </summary>
internal sealed class ModelFileReader : IDisposable
{
    private readonly FileStream _file;
    private readonly HashingReader _reader;

    private ModelFileReader(string path, FileStream file)
    {
        Path = path;
        _file = file;
        _reader = new HashingReader(file, path);
    }

    public string Path { get; }
    public long SizeBytes { get; private set; }
    public uint Version { get; private set; }
    public ModelShape Shape { get; private set; }
    public byte[] HeaderJson { get; private set; } = [];

    /// <summary>Opens the file and reads and checks its header; the stream is left at the first array.</summary>
    /// <param name="maxFileBytes">The largest file accepted: checked right after the header, before any array is allocated.</param>
    public static ModelFileReader Open(string path, long maxFileBytes = long.MaxValue)
    {
        var file = RegularFile.OpenForReading(path);
        var reader = new ModelFileReader(path, file);
        try
        {
            reader.ReadHeader();
            reader.CheckCeiling(maxFileBytes);
            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>Reads every array, verifies the checksum, then builds and validates the snapshot.</summary>
    /// <returns>The model, the header it was built from, and the verified checksum as lower-case hex.</returns>
    public (ModelSnapshot Model, ModelHeader Header, string Checksum) ReadModel()
    {
        VerifyBeforeAllocating();
        var shape = Shape;
        int[] userIds = _reader.ReadArray<int>("user ids", shape.Users);
        int[] itemIds = _reader.ReadArray<int>("item ids", shape.Items);
        double mu = _reader.ReadDouble("mu");
        double[] userBias = _reader.ReadArray<double>("user bias", shape.Users);
        double[] itemBias = _reader.ReadArray<double>("item bias", shape.Items);
        double[] userFactors = _reader.ReadArray<double>("user factors P", shape.UserFactorCount);
        double[] itemFactors = _reader.ReadArray<double>("item factors Q", shape.ItemFactorCount);
        double[]? implicitFactors = shape.HasImplicitItemFactors
            ? _reader.ReadArray<double>("SVD++ factors Y", shape.ItemFactorCount)
            : null;
        RankingParts? ranking = shape.HasRanking ? ReadRankingParts(shape) : null;
        double[] itemNorms = _reader.ReadArray<double>("item norms", shape.Items);
        int[] itemCounts = _reader.ReadArray<int>("item rating counts", shape.Items);
        if (shape.HasItemRatingSums)
            _reader.ReadArray<double>("item rating sums (version 1)", shape.Items);
        int[] userCounts = _reader.ReadArray<int>("user rating counts", shape.Users);
        NeighbourParts? neighbourParts = shape.HasNeighbours ? ReadNeighbourParts(shape) : null;
        int[]? easeItems = shape.HasEase ? _reader.ReadArray<int>("EASE movies", shape.EaseItems) : null;
        float[]? easeWeights = shape.HasEase ? _reader.ReadArray<float>("EASE weights", shape.EaseWeightCount) : null;

        // Nothing read above is interpreted until the checksum says the bytes are the ones written.
        string checksum = VerifyChecksum();
        var header = ParseHeader();
        try
        {
            var model = new ModelSnapshot
            {
                Users = new IdMap(userIds),
                Items = new IdMap(itemIds),
                Mu = mu,
                UserBias = userBias,
                ItemBias = itemBias,
                UserFactors = new FactorMatrix(shape.Users, shape.Rank, userFactors),
                ItemFactors = new FactorMatrix(shape.Items, shape.Rank, itemFactors),
                ImplicitItemFactors = implicitFactors is null ? null : new FactorMatrix(shape.Items, shape.Rank, implicitFactors),
                Ranking = ranking?.ToModel(shape),
                ItemNorms = itemNorms,
                ItemRatingCounts = itemCounts,
                UserRatingCounts = userCounts,
                Neighbours = neighbourParts?.ToModel(shape),
                Ease = easeItems is null ? null : new Ease.EaseModel(easeItems, easeWeights!, shape.Items),
                Options = header.Options,
                Facts = header.Facts,
            };
            model.Validate();
            model.ValidateValues();
            return (model, header, checksum);
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException)
        {
            throw new ModelFileException(ModelFileProblem.InconsistentContent, Path, e.Message, e);
        }
    }

    /// <summary>
    /// A first, streaming pass: the whole file is hashed through a small buffer and compared with
    /// the stored checksum before <see cref="ReadModel"/> allocates a single array, so a damaged or
    /// forged file costs reading, never memory. Then back to the start for the real pass (which
    /// hashes again, so a file changed in between is still caught).
    /// </summary>
    private void VerifyBeforeAllocating()
    {
        VerifyChecksumWithoutArrays();
        _file.Seek(0, SeekOrigin.Begin);
        ReadHeader();
    }

    /// <summary>Refuses a file larger than the process's ceiling for a model (the header's sizes match the file by now).</summary>
    private void CheckCeiling(long maxFileBytes)
    {
        if (SizeBytes > maxFileBytes)
            throw Refuse(ModelFileProblem.TooLarge,
                $"the file is {SizeBytes} bytes; this process loads models of at most {maxFileBytes} bytes (setting Model:Loading:MaxFileBytes)");
    }

    /// <summary>Hashes the arrays without keeping them and compares with the stored checksum.</summary>
    public string VerifyChecksumWithoutArrays()
    {
        _reader.SkipHashed(SizeBytes - ModelFileLayout.ChecksumSize - _file.Position, "the arrays");
        return VerifyChecksum();
    }

    /// <summary>The checksum stored at the end of the file, not compared with the content.</summary>
    public string ReadStoredChecksum()
    {
        _file.Seek(SizeBytes - ModelFileLayout.ChecksumSize, SeekOrigin.Begin);
        var stored = new byte[ModelFileLayout.ChecksumSize];
        _reader.ReadUnhashed(stored, "the checksum");
        return Convert.ToHexStringLower(stored);
    }

    public ModelHeader ParseHeader()
    {
        try
        {
            var header = ModelHeaderJson.Deserialize(HeaderJson);
            // Version 5 changed the default confidence exponent: a file older than that was
            // trained with the linear confidence, whatever today's default says.
            if (!ModelFileLayout.HasConfidenceExponent(Version))
                header = header with { Options = header.Options with { RankingConfidenceExponent = 1 } };
            // Options drive every fold-in: a NaN lambda would load and then fail each request.
            if (TrainerOptionsValidator.Problems(header.Options) is { Count: > 0 } problems)
                throw Refuse(ModelFileProblem.BadHeader, "the header's trainer options are out of range: " + string.Join("; ", problems));
            return header;
        }
        catch (JsonException e)
        {
            throw new ModelFileException(ModelFileProblem.BadHeader, Path,
                $"the header JSON does not hold the trainer options and training facts: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _file.Dispose();
    }

    private void ReadHeader()
    {
        SizeBytes = _file.Length;
        if (SizeBytes == 0)
            throw Refuse(ModelFileProblem.Truncated, "the file is empty");

        Span<byte> header = stackalloc byte[ModelFileLayout.FixedHeaderSize];
        header = header[.._reader.ReadUpTo(header)];

        CheckMagic(header[..Math.Min(header.Length, ModelFileLayout.MagicSize)]);
        if (header.Length < ModelFileLayout.VersionOffset + sizeof(uint))
            throw Refuse(ModelFileProblem.Truncated, $"the file is {SizeBytes} bytes long and ends inside the format version (bytes 8..11)");

        Version = BinaryPrimitives.ReadUInt32LittleEndian(header[ModelFileLayout.VersionOffset..]);
        if (Version < ModelFileLayout.OldestReadableVersion || Version > ModelFileLayout.Version)
            throw Refuse(ModelFileProblem.UnsupportedVersion,
                $"the file has format version {Version}; this reader reads versions {ModelFileLayout.OldestReadableVersion} to {ModelFileLayout.Version}");

        if (header.Length < ModelFileLayout.FixedHeaderSize)
            throw Refuse(ModelFileProblem.Truncated,
                $"the file is {SizeBytes} bytes long and ends inside the {ModelFileLayout.FixedHeaderSizeOf(Version)}-byte fixed header");

        int users = BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
        int items = BinaryPrimitives.ReadInt32LittleEndian(header[16..]);
        int rank = BinaryPrimitives.ReadInt32LittleEndian(header[20..]);
        var flags = (ModelFileFlags)BinaryPrimitives.ReadUInt32LittleEndian(header[24..]);
        int rankingRank = BinaryPrimitives.ReadInt32LittleEndian(header[28..]);
        int jsonLength = BinaryPrimitives.ReadInt32LittleEndian(header[32..]);
        // Fields later versions added after the JSON length; absent ones are 0.
        int neighboursPerItem = ModelFileLayout.HasNeighbourField(Version) ? ReadHeaderInt32() : 0;
        int easeItems = ModelFileLayout.HasEaseField(Version) ? ReadHeaderInt32() : 0;

        var known = ModelFileLayout.KnownFlags(Version);
        if ((flags & ~known) != 0)
            throw Refuse(ModelFileProblem.BadHeader,
                $"unknown flag bits 0x{(uint)flags:x8} (version {Version} knows only 0x{(uint)known:x8})");
        Shape = new ModelShape(users, items, rank,
            flags.HasFlag(ModelFileFlags.ImplicitItemFactors), flags.HasFlag(ModelFileFlags.Ranking), rankingRank,
            ModelFileLayout.HasItemRatingSums(Version), flags.HasFlag(ModelFileFlags.Neighbours), neighboursPerItem,
            ModelFileLayout.FixedHeaderSizeOf(Version), flags.HasFlag(ModelFileFlags.Ease), easeItems);
        if (Shape.FindProblem() is { } problem)
            throw Refuse(ModelFileProblem.BadHeader, problem);
        if (jsonLength < 0 || jsonLength > ModelFileLayout.MaxHeaderJsonBytes)
            throw Refuse(ModelFileProblem.BadHeader,
                $"the header JSON length is {jsonLength}; it must be between 0 and {ModelFileLayout.MaxHeaderJsonBytes}");

        // The shape fixes every array length, so the whole file size is known now. Checking it here is
        // what keeps a damaged or hostile header from making the arrays below allocate what the file
        // does not hold.
        long expected = Shape.FileSize(jsonLength);
        if (SizeBytes < expected)
            throw Refuse(ModelFileProblem.Truncated,
                $"the file is {SizeBytes} bytes but its header describes {expected} bytes ({expected - SizeBytes} missing)");
        if (SizeBytes > expected)
            throw Refuse(ModelFileProblem.SizeMismatch,
                $"the file is {SizeBytes} bytes but its header describes {expected} bytes ({SizeBytes - expected} too many)");

        HeaderJson = new byte[jsonLength];
        _reader.ReadBytes(HeaderJson, "the header JSON");
    }

    /// <summary>The next int32 of the fixed header, refusing a file that ends inside it.</summary>
    private int ReadHeaderInt32()
    {
        Span<byte> field = stackalloc byte[sizeof(int)];
        if (_reader.ReadUpTo(field) < field.Length)
            throw Refuse(ModelFileProblem.Truncated,
                $"the file is {SizeBytes} bytes long and ends inside the {ModelFileLayout.FixedHeaderSizeOf(Version)}-byte fixed header");
        return BinaryPrimitives.ReadInt32LittleEndian(field);
    }

    private void CheckMagic(ReadOnlySpan<byte> found)
    {
        if (!ModelFileLayout.Magic.StartsWith(found))
            throw Refuse(ModelFileProblem.NotAModelFile,
                $"expected the magic \"{Encoding.ASCII.GetString(ModelFileLayout.Magic)}\", found {DescribeBytes(found)}");
        if (found.Length < ModelFileLayout.MagicSize)
            throw Refuse(ModelFileProblem.Truncated,
                $"the file is {SizeBytes} bytes long and ends inside the {ModelFileLayout.MagicSize}-byte magic");
    }

    private RankingParts ReadRankingParts(ModelShape shape) => new(
        _reader.ReadArray<double>("ranking user factors X", shape.RankingUserFactorCount),
        _reader.ReadArray<double>("ranking item factors Y", shape.RankingItemFactorCount),
        _reader.ReadArray<double>("ranking item gram", shape.RankingGramCount),
        _reader.ReadDouble("ranking lambda"),
        _reader.ReadDouble("ranking alpha"));

    private NeighbourParts ReadNeighbourParts(ModelShape shape) => new(
        _reader.ReadArray<int>("neighbour lists", shape.NeighbourCount),
        _reader.ReadArray<float>("neighbour similarities", shape.NeighbourCount),
        _reader.ReadInt64("neighbours used"),
        _reader.ReadDouble("neighbour damping"),
        new Neighbourhood.RatingBlend(_reader.ReadDouble("blend intercept"), _reader.ReadDouble("blend baseline weight"),
            _reader.ReadDouble("blend factor weight"), _reader.ReadDouble("blend neighbour weight")));

    private sealed record NeighbourParts(int[] Neighbours, float[] Similarities, long Used, double Damping, Neighbourhood.RatingBlend Blend)
    {
        public Neighbourhood.NeighbourModel ToModel(ModelShape shape) =>
            Used is < 0 or > int.MaxValue
                ? throw new InvalidDataException($"neighbours used must be 0..{int.MaxValue} (got {Used})")
                : new(shape.NeighboursPerItem, (int)Used, Damping, Neighbours, Similarities, Blend);
    }

    private string VerifyChecksum()
    {
        byte[] computed = _reader.FinishHash();
        var stored = new byte[ModelFileLayout.ChecksumSize];
        _reader.ReadUnhashed(stored, "the checksum");
        if (!computed.AsSpan().SequenceEqual(stored))
            throw Refuse(ModelFileProblem.ChecksumMismatch,
                $"the stored SHA-256 is {Convert.ToHexStringLower(stored)} but the content hashes to {Convert.ToHexStringLower(computed)}");
        return Convert.ToHexStringLower(stored);
    }

    private ModelFileException Refuse(ModelFileProblem problem, string detail) => new(problem, Path, detail);

    /// <summary>Hex plus the printable characters, so that "%PDF" or "{\"a\"" is recognisable in the message.</summary>
    private static string DescribeBytes(ReadOnlySpan<byte> bytes)
    {
        var printable = new StringBuilder(bytes.Length);
        foreach (byte b in bytes)
            printable.Append(b is >= 0x20 and < 0x7f ? (char)b : '.');
        return $"{Convert.ToHexString(bytes)} (\"{printable}\")";
    }

    private sealed record RankingParts(double[] UserFactors, double[] ItemFactors, double[] ItemGram, double Lambda, double Alpha)
    {
        public RankingModel ToModel(ModelShape shape) => new(
            new FactorMatrix(shape.Users, shape.RankingRank, UserFactors),
            new FactorMatrix(shape.Items, shape.RankingRank, ItemFactors),
            ItemGram, Lambda, Alpha);
    }
}
