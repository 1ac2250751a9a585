using System.Globalization;
using System.Text;
using MovieRec.Core.Ratings;

namespace MovieRec.Core.Import;

/// <summary>A line of a person's ratings file that could not be read, with its 1-based line number.</summary>
public sealed record RatingsCsvProblem(long Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}

/// <summary>What a person's ratings file holds: the ratings read (with their line numbers) and the lines refused.</summary>
public sealed record RatingsCsvContent(IReadOnlyList<(long Line, Rating Rating)> Ratings, IReadOnlyList<RatingsCsvProblem> Problems);

/// <summary>
/// One person's ratings in MovieLens's ratings.csv format (header userId,movieId,rating,timestamp;
/// ratings written 4.0, 3.5; Unix seconds), for moving them between installations: written by
/// export, read back by import with the same line parser as the dataset importer, so a file the
/// export wrote is always one the import reads.
/// </summary>
public static class PersonalRatingsCsv
{
    public const string Header = "userId,movieId,rating,timestamp";

    /// <summary>Problems beyond this many are counted, not listed: a wrong file would otherwise list every line.</summary>
    public const int MaxProblemsListed = 20;

    /// <summary>Writes the ratings under the header, ordered by movie id as MovieLens files are.</summary>
    public static async Task WriteAsync(TextWriter writer, IEnumerable<Rating> ratings, CancellationToken cancellationToken = default)
    {
        await writer.WriteAsync(Header + "\n");
        foreach (var rating in ratings.OrderBy(r => r.MovieId))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture,
                $"{rating.UserId},{rating.MovieId},{rating.Value:0.0},{rating.Timestamp}\n"));
        }
    }

    /// <summary>
    /// Reads a file: the header must be ratings.csv's; every other line is parsed and either kept or
    /// reported by its line number (blank lines are skipped). Lines must all carry one user id:
    /// a file of several people's ratings is not one person's export.
    /// </summary>
    public static RatingsCsvContent Read(Stream stream, string fileName)
    {
        var ratings = new List<(long, Rating)>();
        var problems = new List<RatingsCsvProblem>();
        using var reader = new ByteLineReader(stream, fileName);
        if (!reader.TryReadLine(out var header) || !IsHeader(header))
        {
            problems.Add(new RatingsCsvProblem(1, $"expected the header \"{Header}\" (a ratings.csv file)"));
            return new RatingsCsvContent(ratings, problems);
        }
        var parser = new RatingLineParser(RatingLayout.Csv, RatingScale.HalfStars);
        int? userId = null;
        try
        {
            while (reader.TryReadLine(out var line))
            {
                if (DelimitedFields.IsBlank(line)) continue;
                string? problem = parser.Parse(line, out var rating);
                if (problem is null && userId is { } first && rating.UserId != first)
                    problem = $"userId {rating.UserId} differs from {first} on the first line: the file must hold one person's ratings";
                if (problem is not null)
                {
                    problems.Add(new RatingsCsvProblem(reader.LineNumber, problem));
                    continue;
                }
                userId ??= rating.UserId;
                ratings.Add((reader.LineNumber, rating));
            }
        }
        catch (DatasetFormatException error)
        {
            // An over-long line: the file is not a ratings file, and nothing after it is read.
            problems.Add(new RatingsCsvProblem(error.LineNumber, error.Reason));
        }
        return new RatingsCsvContent(ratings, problems);
    }

    private static bool IsHeader(ReadOnlySpan<byte> line)
    {
        var text = Encoding.UTF8.GetString(line).Trim().Replace(" ", "");
        return string.Equals(text, Header, StringComparison.OrdinalIgnoreCase);
    }
}
