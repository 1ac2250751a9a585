using System.Globalization;
using System.IO.Compression;
using System.Text;
using MovieRec.Core.Engine;
using MovieRec.Core.Ratings;

namespace MovieRec.Tests.Web;

/// <summary>
/// A MovieLens-shaped dataset small enough to write in a test: 12 movies over several genres and
/// 24 users in two camps (action and sci-fi fans, comedy and romance fans), so a model has a clear
/// pattern to learn. Written as the four CSV files of ml-latest-small, or as its zip archive.
/// </summary>
public static class TinyMovieLens
{
    public static readonly (int Id, string Title, string Genres, string Imdb, int Tmdb, string? Tag)[] Movies =
    [
        (1, "Laser Quest (1990)", "Action|Sci-Fi", "0000101", 9001, "lasers"),
        (2, "Robot Uprising (1995)", "Action|Sci-Fi", "0000102", 9002, "robots"),
        (3, "Speed Chase (1998)", "Action|Thriller", "0000103", 9003, null),
        (4, "Star Harbour (2001)", "Sci-Fi|Adventure", "0000104", 9004, "space"),
        (5, "Mars Needs Cats (2004)", "Sci-Fi|Comedy", "0000105", 9005, null),
        (6, "Wedding Mixup (1993)", "Comedy|Romance", "0000106", 9006, "wedding"),
        (7, "Love in Paris (1997)", "Romance|Drama", "0000107", 9007, null),
        (8, "Office Laughs (2000)", "Comedy", "0000108", 9008, "office"),
        (9, "Second Chances (2003)", "Drama|Romance", "0000109", 9009, null),
        (10, "Haunted Mill (1999)", "Horror|Thriller", "0000110", 9010, "ghosts"),
        (11, "Animated Friends (2005)", "Animation|Comedy", "0000111", 9011, null),
        (12, "Quiet Documentary (2010)", "Documentary", "0000112", 9012, null),
    ];

    public const int UserCount = 24;

    private static readonly HashSet<int> ActionCamp = [1, 2, 3, 4, 5, 10];

    /// <summary>Users 1..12 like action and sci-fi, 13..24 comedy and romance; each skips a few movies.</summary>
    public static IReadOnlyList<Rating> Ratings()
    {
        var ratings = new List<Rating>();
        for (int user = 1; user <= UserCount; user++)
        {
            bool actionFan = user <= UserCount / 2;
            foreach (var movie in Movies)
            {
                if ((user * 7 + movie.Id * 3) % 5 == 0) continue;
                bool liked = ActionCamp.Contains(movie.Id) == actionFan;
                double value = liked ? 4.0 + (user + movie.Id) % 3 * 0.5 : 1.5 + (user + movie.Id) % 3 * 0.5;
                ratings.Add(new Rating(user, movie.Id, (float)value, 1_500_000_000L + user * 100 + movie.Id));
            }
        }
        return ratings;
    }

    public static IReadOnlyDictionary<string, string> Files()
    {
        var movies = new StringBuilder("movieId,title,genres\n");
        var links = new StringBuilder("movieId,imdbId,tmdbId\n");
        var tags = new StringBuilder("userId,movieId,tag,timestamp\n");
        foreach (var movie in Movies)
        {
            movies.Append(CultureInfo.InvariantCulture, $"{movie.Id},{movie.Title},{movie.Genres}\n");
            links.Append(CultureInfo.InvariantCulture, $"{movie.Id},{movie.Imdb},{movie.Tmdb}\n");
            if (movie.Tag is not null) tags.Append(CultureInfo.InvariantCulture, $"1,{movie.Id},{movie.Tag},1500000000\n");
        }
        var ratings = new StringBuilder("userId,movieId,rating,timestamp\n");
        foreach (var r in Ratings())
            ratings.Append(CultureInfo.InvariantCulture, $"{r.UserId},{r.MovieId},{r.Value:0.0},{r.Timestamp}\n");
        return new Dictionary<string, string>
        {
            ["movies.csv"] = movies.ToString(),
            ["ratings.csv"] = ratings.ToString(),
            ["tags.csv"] = tags.ToString(),
            ["links.csv"] = links.ToString(),
        };
    }

    public static void WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var (name, text) in Files()) File.WriteAllText(Path.Combine(folder, name), text);
    }

    /// <summary>The dataset as GroupLens ships it: a zip with the files under ml-latest-small/, minus any left out.</summary>
    public static byte[] Zip(params string[] leaveOut)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in Files())
            {
                if (leaveOut.Contains(name)) continue;
                using var entry = new StreamWriter(zip.CreateEntry($"ml-latest-small/{name}").Open());
                entry.Write(text);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>Small ranks and few iterations: a model in milliseconds, different for each seed.</summary>
    public static TrainerOptions TinyOptions(int seed = 42) => new()
    {
        Rank = 4, Iterations = 4, RankingRank = 3, RankingIterations = 3, Threads = 1, Seed = seed,
    };

    public static ModelSnapshot TrainModel(int seed = 42)
    {
        var ratings = Ratings().ToArray();
        var heldOut = ratings.Where((_, n) => n % 10 == 0).ToList();
        return ModelTrainer.Train(ratings.Where((_, n) => n % 10 != 0).ToArray(), TinyOptions(seed), heldOut);
    }
}
