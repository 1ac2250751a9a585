using System.Text;

namespace MovieRec.Core.Import;

/// <summary>tags.dat of ml-10m: UserID::MovieID::Tag::Timestamp.</summary>
internal static class TagsDatFile
{
    private static ReadOnlySpan<byte> Separator => "::"u8;

    private readonly record struct MovieTag(int MovieId, string Tag);

    public static MovieTagCollector Read(string path, ImportOptions options, ImportReport report)
    {
        var tags = new MovieTagCollector();
        foreach (var tag in ParsedLines.ReadDetectingEncoding<MovieTag>(path, Parse, options, report))
            tags.Add(tag.MovieId, tag.Tag);
        return tags;
    }

    private static string? Parse(ReadOnlySpan<byte> line, Encoding encoding, out MovieTag tag)
    {
        tag = default;
        Span<Range> fields = stackalloc Range[4];
        int found = DelimitedFields.Split(line, Separator, fields);
        if (found != fields.Length)
            return DelimitedFields.CountProblem(fields.Length, found, Separator);
        string? problem = FieldParser.PositiveId(line[fields[0]], "userId", out _);
        if (problem is not null)
            return problem;
        problem = FieldParser.PositiveId(line[fields[1]], "movieId", out int movieId);
        if (problem is not null)
            return problem;
        problem = FieldParser.WholeNumber64(line[fields[3]], "timestamp", out _);
        if (problem is not null)
            return problem;
        tag = new MovieTag(movieId, encoding.GetString(line[fields[2]]));
        return null;
    }
}
