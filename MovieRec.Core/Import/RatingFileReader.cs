using MovieRec.Core.Ratings;

namespace MovieRec.Core.Import;

/// <summary>
/// Reads one ratings file of any MovieLens layout, recognised from its first line: ratings.csv (or a
/// train/test split with the same header), ml-100k's u.data / u1.base … ub.test, ml-1m / ml-10m ratings.dat.
/// Used where a command names the files itself, e.g. <c>evaluate --train u1.base --test u1.test</c>.
/// </summary>
public static class RatingFileReader
{
    /// <summary>
    /// Reads the ratings, validated against <see cref="DetectScale"/> of the file. The layout is recognised,
    /// and the file's existence checked, when this is called; the ratings are read as they are enumerated.
    /// </summary>
    public static IEnumerable<Rating> Read(string path, ImportOptions? options = null, ImportReport? report = null)
    {
        var layout = RatingLayouts.Recognize(path);
        return ReadLayout(path, layout, RatingLayouts.ScaleOf(path, layout), options, report);
    }

    /// <summary>Reads the ratings, validated against the given scale (e.g. the scale of the dataset they were split from).</summary>
    public static IEnumerable<Rating> Read(string path, RatingScale scale, ImportOptions? options = null, ImportReport? report = null) =>
        ReadLayout(path, RatingLayouts.Recognize(path), scale, options, report);

    /// <summary>
    /// The scale a ratings file's values are on: half stars for CSV, whole stars for ml-100k's tab-separated
    /// files, and for "::" files half stars if any value is a half star (ml-10m), otherwise whole stars (ml-1m).
    /// </summary>
    public static RatingScale DetectScale(string path) => RatingLayouts.ScaleOf(path, RatingLayouts.Recognize(path));

    internal static IEnumerable<Rating> ReadLayout(string path, RatingLayout layout, RatingScale scale, ImportOptions? options, ImportReport? report) =>
        ParsedLines.Read<Rating>(
            path,
            RatingLayouts.HeaderOf(layout),
            new RatingLineParser(layout, scale).Parse,
            options ?? ImportOptions.Default,
            report ?? new ImportReport());
}
