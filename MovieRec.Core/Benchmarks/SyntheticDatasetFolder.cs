using System.Globalization;
using System.Text;
using MovieRec.Core.Ratings;

namespace MovieRec.Core.Benchmarks;

/// <summary>
/// Writes synthetic ratings (<see cref="SyntheticRatings"/>) as a MovieLens CSV folder —
/// movies.csv with made-up titles and ratings.csv — so that the importer can be timed on any
/// size through the same files and code a real dataset goes through.
/// </summary>
public static class SyntheticDatasetFolder
{
    private static readonly string[] Genres = ["Action", "Comedy", "Drama", "Romance", "Thriller", "Animation", "Documentary", "Sci-Fi"];

    /// <summary>Writes movies.csv (movies 1..<paramref name="movies"/>) and ratings.csv into <paramref name="folder"/>, which must exist.</summary>
    public static void Write(string folder, int movies, IReadOnlyList<Rating> ratings)
    {
        using (var writer = new StreamWriter(Path.Combine(folder, "movies.csv"), append: false, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write("movieId,title,genres\n");
            for (int m = 1; m <= movies; m++)
                writer.Write($"{m},Synthetic movie {m} ({1950 + m % 70}),{Genres[m % Genres.Length]}|{Genres[(m / 8) % Genres.Length]}\n");
        }
        using (var writer = new StreamWriter(Path.Combine(folder, "ratings.csv"), append: false, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write("userId,movieId,rating,timestamp\n");
            Span<char> line = stackalloc char[64];
            foreach (var rating in ratings)
            {
                bool written = line.TryWrite(CultureInfo.InvariantCulture, $"{rating.UserId},{rating.MovieId},{rating.Value:0.0},{rating.Timestamp}\n", out int length);
                if (!written) throw new InvalidOperationException("a rating line longer than 64 characters");
                writer.Write(line[..length]);
            }
        }
    }
}
