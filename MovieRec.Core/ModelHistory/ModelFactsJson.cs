using System.Text.Json;
using System.Text.Json.Serialization;

namespace MovieRec.Core.ModelHistory;

/// <summary>The JSON form of <see cref="ModelVersionFacts"/>: the sidecar file, GridFS metadata and `models inspect --json`.</summary>
public static class ModelFactsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        // Held-out figures are null for a model trained without a slice; NaN never reaches a file.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize(ModelVersionFacts facts) => JsonSerializer.Serialize(facts, Options);

    /// <summary>The facts, or null when the text is not facts JSON (a damaged or foreign sidecar is skipped, not fatal).</summary>
    public static ModelVersionFacts? TryParse(string json)
    {
        try
        {
            var facts = JsonSerializer.Deserialize<ModelVersionFacts>(json, Options);
            return facts is not null && ModelVersionNames.IsValid(facts.Version) ? facts : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
