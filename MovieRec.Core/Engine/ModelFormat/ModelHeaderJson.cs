using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace MovieRec.Core.Engine.ModelFormat;

/// <summary>The JSON part of the file header: how the model was trained and on what.</summary>
internal sealed record ModelHeader(TrainerOptions Options, TrainingFacts Facts);

/// <summary>Turns <see cref="ModelHeader"/> into the UTF-8 bytes stored in the file and back.</summary>
internal static class ModelHeaderJson
{
    /// <summary>
    /// Choices that matter for the file: read-only properties (TrainerOptions.EffectiveThreads
    /// depends on the machine) are left out; NaN and infinities are allowed because the RMSE of a
    /// diverged run is NaN and must still save; enums are names so that reordering an enum cannot
    /// silently change a stored option; missing or null required parts are errors.
    ///
    /// Reflection-based on purpose: the source generator assigns every init-only property, so an
    /// option missing from an older file would become 0 instead of its TrainerOptions default
    /// (dotnet/runtime#84484), which would break the compatibility rule of docs/MODEL_FORMAT.md.
    /// </summary>
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static byte[] Serialize(ModelHeader header) => JsonSerializer.SerializeToUtf8Bytes(header, Options);

    /// <summary>Throws <see cref="JsonException"/> when the bytes are not a complete header.</summary>
    public static ModelHeader Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<ModelHeader>(utf8Json, Options)
        ?? throw new JsonException("the header JSON is null");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            IgnoreReadOnlyProperties = true,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            Converters = { new JsonStringEnumConverter() },
        };
        options.MakeReadOnly();
        return options;
    }
}
