namespace MovieRec.Core.Import;

/// <summary>
/// Recognises a MovieLens download by the files in its folder. Each format needs its ratings and its
/// movies file; the others (tags, links, users) are used when present.
/// </summary>
internal static class DatasetDetector
{
    private sealed record Candidate(DatasetFormat Format, string Ratings, string Movies, string Describes);

    private static readonly Candidate[] Candidates =
    [
        new(DatasetFormat.MovieLensCsv, "ratings.csv", "movies.csv", "ml-latest-small, ml-latest, ml-25m, ml-32m"),
        new(DatasetFormat.MovieLens100k, "u.data", "u.item", "ml-100k"),
        new(DatasetFormat.MovieLensDat, "ratings.dat", "movies.dat", "ml-1m, ml-10m"),
    ];

    public static DatasetFiles Detect(string directory)
    {
        string folder = Path.GetFullPath(directory);
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"The dataset folder \"{folder}\" does not exist.");

        foreach (var candidate in Candidates)
        {
            string ratings = Path.Combine(folder, candidate.Ratings);
            string movies = Path.Combine(folder, candidate.Movies);
            if (File.Exists(ratings) && File.Exists(movies))
                return candidate.Format switch
                {
                    DatasetFormat.MovieLensCsv => new DatasetFiles(folder, candidate.Format, ratings, movies,
                        Tags: Optional(folder, "tags.csv"), Links: Optional(folder, "links.csv")),
                    DatasetFormat.MovieLensDat => new DatasetFiles(folder, candidate.Format, ratings, movies,
                        Tags: Optional(folder, "tags.dat"), Users: Optional(folder, "users.dat")),
                    _ => new DatasetFiles(folder, candidate.Format, ratings, movies),
                };
        }
        throw new UnrecognizedDatasetException(folder, NothingFits(folder));
    }

    private static string? Optional(string folder, string fileName)
    {
        string path = Path.Combine(folder, fileName);
        return File.Exists(path) ? path : null;
    }

    private static string NothingFits(string folder)
    {
        string lookedFor = string.Join("; ", Candidates.Select(c => $"{c.Ratings} + {c.Movies} ({c.Describes})"));
        var halves = Candidates
            .SelectMany(c => new[] { (Found: c.Ratings, Missing: c.Movies), (Found: c.Movies, Missing: c.Ratings) })
            .Where(pair => File.Exists(Path.Combine(folder, pair.Found)))
            .Select(pair => $"{pair.Found} is there but {pair.Missing} is missing")
            .ToList();
        string found = halves.Count > 0 ? $" Found: {string.Join("; ", halves)}." : "";
        return $"\"{folder}\" does not hold a MovieLens dataset. Looked for {lookedFor}.{found}";
    }
}
