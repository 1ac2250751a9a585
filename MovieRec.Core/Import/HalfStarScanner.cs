namespace MovieRec.Core.Import;

/// <summary>
/// Tells ml-10m ratings (half stars since 2003) from ml-1m ratings (whole stars only) when nothing else does:
/// reads until the first half-star value. An ml-10m file has one within its first few thousand lines; a
/// whole-star file is read to its end, which for ml-1m (24 MB) takes a fraction of a second.
/// Bad lines are passed over here: reading the ratings reports them.
/// </summary>
internal static class HalfStarScanner
{
    public static bool ContainsHalfStars(string path, RatingLayout layout)
    {
        using var lines = new ByteLineReader(SequentialFile.Open(path), Path.GetFileName(path));
        ReadOnlySpan<byte> separator = RatingLayouts.Separator(layout);
        Span<Range> fields = stackalloc Range[4];
        if (layout == RatingLayout.Csv)
            lines.TryReadLine(out _);
        while (lines.TryReadLine(out var line))
        {
            if (DelimitedFields.Split(line, separator, fields) == fields.Length
                && FieldParser.Number(line[fields[2]], "rating", out double value) is null
                && RatingScaleRules.IsHalfStar(value))
                return true;
        }
        return false;
    }
}
