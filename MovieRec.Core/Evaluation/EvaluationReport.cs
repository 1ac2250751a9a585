using System.Text;
using System.Text.Json;

namespace MovieRec.Core.Evaluation;

/// <summary>
/// What the evaluate command reports: the model through the served path and the two baselines
/// every report carries; with --known-profiles also the model scored with its trained user vectors.
/// </summary>
public sealed record EvaluationReport(EvaluationResult Model, EvaluationResult BiasOnly, EvaluationResult MostPopular,
    EvaluationResult? KnownProfiles = null)
{
    private IEnumerable<(string Header, string JsonKey, EvaluationResult Result)> Columns()
    {
        yield return ("model", "model", Model);
        if (KnownProfiles is not null) yield return ("known profiles", "model_known_profiles", KnownProfiles);
        yield return ("bias only", "bias_only", BiasOnly);
        yield return ("most popular", "most_popular", MostPopular);
    }

    /// <summary>
    /// <c>{"model": {...}, ["model_known_profiles": {...},] "bias_only": {...}, "most_popular": {...}}</c>, each object with the keys
    /// of <see cref="ReportedFigure.All"/>; a figure that does not apply is null. Numbers are written
    /// round-trippable. A NaN or infinite figure (a model that predicted NaN) throws rather than
    /// being passed off as null, because JSON has no way to write it.
    /// </summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            foreach (var (_, key, result) in Columns())
                WriteResult(writer, key, result);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A plain-text table for the console: one row per figure, one right-aligned column per system.</summary>
    public string ToTable()
    {
        EvaluationResult[] columns = Columns().Select(c => c.Result).ToArray();
        string[] headers = Columns().Select(c => c.Header).ToArray();
        string[][] cells = ReportedFigure.All
            .Select(figure => columns.Select(figure.FormatForTable).ToArray())
            .ToArray();

        int labelWidth = ReportedFigure.All.Max(figure => figure.Label.Length);
        int[] columnWidths = Enumerable.Range(0, columns.Length)
            .Select(c => Math.Max(headers[c].Length, cells.Max(row => row[c].Length)))
            .ToArray();

        var table = new StringBuilder();
        AppendRow(table, "", labelWidth, headers, columnWidths);
        for (int row = 0; row < cells.Length; row++)
            AppendRow(table, ReportedFigure.All[row].Label, labelWidth, cells[row], columnWidths);
        return table.ToString();
    }

    private static void WriteResult(Utf8JsonWriter writer, string name, EvaluationResult result)
    {
        writer.WriteStartObject(name);
        foreach (ReportedFigure figure in ReportedFigure.All)
        {
            double? value = figure.Read(result);
            if (value is null)
            {
                writer.WriteNull(figure.JsonKey);
            }
            else if (!double.IsFinite(value.Value))
            {
                throw new InvalidOperationException(
                    $"{name}.{figure.JsonKey} is {value.Value}, which JSON cannot represent");
            }
            else
            {
                writer.WriteNumber(figure.JsonKey, value.Value);
            }
        }
        writer.WriteEndObject();
    }

    private static void AppendRow(StringBuilder table, string label, int labelWidth, string[] cells, int[] columnWidths)
    {
        table.Append(label.PadRight(labelWidth));
        for (int c = 0; c < cells.Length; c++)
            table.Append("  ").Append(cells[c].PadLeft(columnWidths[c]));
        table.AppendLine();
    }
}
