using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MovieRec.Core.Engine;
using static MovieRec.Tests.Engine.ModelFileTestData;

namespace MovieRec.Tests.Engine;

/// <summary>
/// Numbers that load but cannot serve: a NaN lambda in the header or a NaN factor used to load and
/// then turn /, /api/recommendations and /Model into 500s. They are refused at load, naming the field.
/// Also: version 1 files (which carried the item rating sums) are still read.
/// </summary>
public sealed class ModelFileValueTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("lambda", "NaN", "lambda must be a positive number")]
    [InlineData("lambda", "Infinity", "lambda must be a positive number")]
    [InlineData("userBiasShrinkage", "-Infinity", "user bias shrinkage")]
    [InlineData("rankingAlpha", "NaN", "ranking alpha")]
    [InlineData("rankingLambda", "-1", "ranking lambda")]
    public void A_header_option_that_is_not_finite_or_out_of_range_is_refused_naming_it(string option, string value, string named)
    {
        string path = WriteWithHeader(RandomModel(seed: 31, ranking: true), options =>
            options[option] = value.StartsWith('-') && value != "-Infinity" ? JsonValue.Create(double.Parse(value)) : JsonValue.Create(value));

        var error = Assert.Throws<ModelFileException>(() => ModelFile.Read(path));

        Assert.Equal(ModelFileProblem.BadHeader, error.Problem);
        Assert.Contains(named, error.Message);
        Assert.Contains(path, error.Message);
    }

    [Theory]
    [InlineData("item factors Q")]
    [InlineData("user bias")]
    [InlineData("ranking item factors Y")]
    [InlineData("mu")]
    public void A_value_that_is_not_finite_is_refused_naming_the_array(string part)
    {
        var model = RandomModel(seed: 32, ranking: true);
        switch (part)
        {
            case "item factors Q": model.ItemFactors.Data[3] = double.NaN; break;
            case "user bias": model.UserBias[1] = double.PositiveInfinity; break;
            case "ranking item factors Y": model.Ranking!.ItemFactors.Data[0] = double.NaN; break;
            case "mu": model = model with { Mu = double.NaN }; break;
        }
        string path = _directory.File("model.bin");
        ModelFile.Write(model, path);

        var error = Assert.Throws<ModelFileException>(() => ModelFile.Read(path));

        Assert.Equal(ModelFileProblem.InconsistentContent, error.Problem);
        Assert.Contains(part, error.Message);
    }

    [Fact]
    public void A_version_4_file_reads_as_the_linear_confidence_it_was_trained_with()
    {
        var model = RandomModel(seed: 34, ranking: true);
        string path = _directory.File("model.bin");
        ModelFile.Write(model with { Options = model.Options with { RankingConfidenceExponent = 2.5 } }, path);
        File.WriteAllBytes(path, AsVersion4(File.ReadAllBytes(path)));

        var loaded = ModelFile.Read(path, out var info);

        Assert.Equal(4u, info.Version);
        Assert.Equal(1, loaded.Options.RankingConfidenceExponent);
    }

    [Fact]
    public void A_header_with_the_confidence_exponent_keeps_it()
    {
        var model = RandomModel(seed: 35, ranking: true);
        string path = _directory.File("model.bin");
        ModelFile.Write(model with { Options = model.Options with { RankingConfidenceExponent = 2.5 } }, path);

        Assert.Equal(2.5, ModelFile.Read(path).Options.RankingConfidenceExponent);
    }

    [Fact]
    public void A_version_1_file_with_item_rating_sums_is_still_read()
    {
        var model = RandomModel(seed: 33, svdPlusPlus: true, ranking: true);
        string path = _directory.File("model.bin");
        ModelFile.Write(model, path);
        byte[] v2 = AsVersion2(File.ReadAllBytes(path));

        // Version 1 held the item rating sums between the item counts and the user counts: the
        // user counts are the last array before the checksum, so splice the sums in there.
        int userCountsBytes = 8 + model.Users.Count * sizeof(int);
        int insertAt = v2.Length - 32 - userCountsBytes;
        var sums = new byte[8 + model.Items.Count * sizeof(double)];
        BitConverter.TryWriteBytes(sums.AsSpan(0, 8), (long)model.Items.Count);
        for (int i = 0; i < model.Items.Count; i++) BitConverter.TryWriteBytes(sums.AsSpan(8 + i * 8), 100.0 + i);
        byte[] v1 = [.. v2.AsSpan(0, insertAt), .. sums, .. v2.AsSpan(insertAt, v2.Length - 32 - insertAt), .. new byte[32]];
        BitConverter.TryWriteBytes(v1.AsSpan(8), 1u);
        SHA256.HashData(v1.AsSpan(0, v1.Length - 32), v1.AsSpan(v1.Length - 32));
        File.WriteAllBytes(path, v1);

        var loaded = ModelFile.Read(path, out var info);

        Assert.Equal(1u, info.Version);
        AssertSameModel(model, loaded);
    }

    [Fact]
    public void A_version_2_file_is_read_as_a_model_without_a_neighbourhood_term()
    {
        var model = RandomModel(seed: 34, svdPlusPlus: true, ranking: true);
        string path = _directory.File("model.bin");
        ModelFile.Write(model, path);
        File.WriteAllBytes(path, AsVersion2(File.ReadAllBytes(path)));

        var loaded = ModelFile.Read(path, out var info);

        Assert.Equal(2u, info.Version);
        AssertSameModel(model, loaded);
        Assert.Same(MovieRec.Core.Engine.Neighbourhood.RatingBlend.Identity, loaded.Blend);
    }

    [Fact]
    public void A_version_3_file_is_read_as_a_model_without_EASE()
    {
        var model = RandomModel(seed: 36, svdPlusPlus: true, ranking: true, neighboursPerItem: 2);
        string path = _directory.File("model.bin");
        ModelFile.Write(model, path);
        File.WriteAllBytes(path, AsVersion3(File.ReadAllBytes(path)));

        var loaded = ModelFile.Read(path, out var info);

        Assert.Equal(3u, info.Version);
        AssertSameModel(model, loaded);
        Assert.Null(loaded.Ease);
    }

    [Fact]
    public void A_model_with_EASE_round_trips()
    {
        var model = RandomModel(seed: 37, items: 6, ranking: true, easeItems: 4);
        string path = _directory.File("model.bin");
        ModelFile.Write(model, path);

        AssertSameModel(model, ModelFile.Read(path));
    }

    [Theory]
    [InlineData("weight", "EASE weights: entry 5")]
    [InlineData("movie", "EASE movies: entry 1")]
    [InlineData("repeat", "EASE movies: entry 2 repeats")]
    public void A_damaged_EASE_part_is_refused_naming_the_field(string damage, string named)
    {
        var model = RandomModel(seed: 38, items: 6, ranking: true, easeItems: 3);
        switch (damage)
        {
            case "weight": model.Ease!.Weights[5] = float.NaN; break;
            case "movie": model.Ease!.Items[1] = 6; break; // one past the last movie
            default: model.Ease!.Items[2] = model.Ease.Items[0]; break;
        }
        string path = _directory.File("model.bin");
        ModelFile.Write(model, path);

        var error = Assert.Throws<ModelFileException>(() => ModelFile.Read(path));

        Assert.Equal(ModelFileProblem.InconsistentContent, error.Problem);
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void A_neighbour_list_naming_a_movie_outside_the_model_is_refused()
    {
        var model = RandomModel(seed: 35, items: 5, neighboursPerItem: 3);
        model.Neighbours!.Neighbours[4] = 5; // one past the last movie
        string path = _directory.File("model.bin");
        ModelFile.Write(model, path);

        var error = Assert.Throws<ModelFileException>(() => ModelFile.Read(path));

        Assert.Equal(ModelFileProblem.InconsistentContent, error.Problem);
        Assert.Contains("neighbour entry 4 is 5", error.Message);
    }

    private string WriteWithHeader(ModelSnapshot model, Action<JsonObject> change)
    {
        string path = _directory.File("model.bin");
        ModelFile.Write(model, path);
        RewriteHeaderOptions(path, change);
        return path;
    }
}
