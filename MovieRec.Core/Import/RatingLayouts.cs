using MovieRec.Core.Ratings;

namespace MovieRec.Core.Import;

/// <summary>What distinguishes the ratings layouts, and how a file's layout is recognised from its first line.</summary>
internal static class RatingLayouts
{
    public const string CsvHeader = "userId,movieId,rating,timestamp";

    public static ReadOnlySpan<byte> Separator(RatingLayout layout) => layout switch
    {
        RatingLayout.Csv => ","u8,
        RatingLayout.TabSeparated => "\t"u8,
        _ => "::"u8,
    };

    public static string? HeaderOf(RatingLayout layout) => layout == RatingLayout.Csv ? CsvHeader : null;

    /// <summary>
    /// "::" is tested first because it is the most specific; a CSV line (header or not) has commas and
    /// no tabs. A CSV file without its header is recognised as CSV and then fails the header check,
    /// which names the header it expected.
    /// </summary>
    public static RatingLayout Recognize(string path)
    {
        string fileName = Path.GetFileName(path);
        using var lines = new ByteLineReader(SequentialFile.Open(path), fileName);
        if (!lines.TryReadLine(out var first))
            throw new DatasetFormatException(fileName, 1, "the file is empty, so its ratings layout cannot be recognised");
        if (first.IndexOf("::"u8) >= 0)
            return RatingLayout.DoubleColon;
        if (first.IndexOf((byte)'\t') >= 0)
            return RatingLayout.TabSeparated;
        if (first.IndexOf((byte)',') >= 0)
            return RatingLayout.Csv;
        throw new DatasetFormatException(fileName, 1,
            $"{FieldParser.Show(first)} does not start a ratings file: expected the CSV header \"{CsvHeader}\", " +
            "tab-separated \"user item rating timestamp\" (ml-100k) or \"UserID::MovieID::Rating::Timestamp\" (ml-1m, ml-10m)");
    }

    /// <summary>
    /// The scale of a single ratings file. CSV is always half stars and the tab-separated ml-100k whole stars;
    /// a "::" file may be ml-1m (whole stars) or ml-10m (half stars), which only its values tell apart.
    /// </summary>
    public static RatingScale ScaleOf(string path, RatingLayout layout) => layout switch
    {
        RatingLayout.Csv => RatingScale.HalfStars,
        RatingLayout.TabSeparated => RatingScale.WholeStars,
        _ => HalfStarScanner.ContainsHalfStars(path, layout) ? RatingScale.HalfStars : RatingScale.WholeStars,
    };
}
