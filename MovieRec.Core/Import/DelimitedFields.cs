namespace MovieRec.Core.Import;

/// <summary>Splits a line of a delimited file ("," "\t" "::" "|") into a fixed number of fields.</summary>
internal static class DelimitedFields
{
    /// <summary>
    /// Fills <paramref name="fields"/> with the ranges of the fields of <paramref name="line"/> and returns how
    /// many fields the line has. The ranges are only complete when that equals <c>fields.Length</c>.
    /// </summary>
    public static int Split(ReadOnlySpan<byte> line, ReadOnlySpan<byte> separator, Span<Range> fields)
    {
        int start = 0;
        for (int i = 0; i < fields.Length - 1; i++)
        {
            int found = line[start..].IndexOf(separator);
            if (found < 0)
                return i + 1;
            fields[i] = new Range(start, start + found);
            start += found + separator.Length;
        }
        fields[^1] = new Range(start, line.Length);
        return fields.Length + line[start..].Count(separator);
    }

    /// <summary>How messages name a separator: a tab is invisible when quoted.</summary>
    public static string Describe(ReadOnlySpan<byte> separator) =>
        separator.SequenceEqual("\t"u8) ? "tabs" : $"\"{System.Text.Encoding.ASCII.GetString(separator)}\"";

    public static string CountProblem(int expected, int found, ReadOnlySpan<byte> separator) =>
        $"expected {expected} fields separated by {Describe(separator)} but found {found}";

    public static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t"u8).IsEmpty;
}
