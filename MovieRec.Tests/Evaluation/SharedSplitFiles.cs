using System.Globalization;
using MovieRec.Core.Catalog;
using MovieRec.Core.Ratings;

namespace MovieRec.Tests.Evaluation;

/// <summary>
/// Finds and reads the shared MovieLens split for the integration test. The importers are written
/// elsewhere in parallel, so this is a deliberately tiny reader of exactly these files, not a
/// general CSV parser.
/// </summary>
internal static class SharedSplitFiles
{
    /// <summary>The <c>shared/datasets</c> folder of the nearest ancestor of the test binaries that has one.</summary>
    public static string DatasetsFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, "shared", "datasets");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException($"no shared/datasets folder above {AppContext.BaseDirectory}");
    }

    /// <summary>userId,movieId,rating,timestamp with a header line; no field is quoted.</summary>
    public static Rating[] ReadRatings(string path) => File.ReadLines(path)
        .Skip(1)
        .Where(line => line.Length > 0)
        .Select(line =>
        {
            string[] fields = line.Split(',');
            return new Rating(
                int.Parse(fields[0], CultureInfo.InvariantCulture),
                int.Parse(fields[1], CultureInfo.InvariantCulture),
                float.Parse(fields[2], CultureInfo.InvariantCulture),
                long.Parse(fields[3], CultureInfo.InvariantCulture));
        })
        .ToArray();

    /// <summary>
    /// movieId,title,genres with a header line. A title containing a comma or a quote is quoted, with
    /// quotes doubled inside; genres are split on '|', and "(no genres listed)" means none.
    /// </summary>
    public static Movie[] ReadMovies(string path) => File.ReadLines(path)
        .Skip(1)
        .Where(line => line.Length > 0)
        .Select(line =>
        {
            string[] fields = SplitQuoted(line);
            string[] genres = fields[2] == "(no genres listed)" ? [] : fields[2].Split('|');
            return new Movie(int.Parse(fields[0], CultureInfo.InvariantCulture), fields[1], null, genres);
        })
        .ToArray();

    private static string[] SplitQuoted(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return fields.Count == 3 ? fields.ToArray() : throw new FormatException($"expected 3 fields in: {line}");
    }
}
