using MovieRec.Core.Ratings;

namespace MovieRec.Core.Import;

/// <summary>
/// Parses one ratings line of any layout straight from its bytes: a hand-written span parser rather than
/// a CSV library's record mapping, because ratings files have no quoting and tens of millions of lines.
/// </summary>
internal sealed class RatingLineParser(RatingLayout layout, RatingScale scale)
{
    private const int FieldCount = 4;

    public string? Parse(ReadOnlySpan<byte> line, out Rating rating)
    {
        rating = default;
        ReadOnlySpan<byte> separator = RatingLayouts.Separator(layout);
        Span<Range> fields = stackalloc Range[FieldCount];
        int found = DelimitedFields.Split(line, separator, fields);
        if (found != FieldCount)
            return DelimitedFields.CountProblem(FieldCount, found, separator);

        string? problem = FieldParser.PositiveId(line[fields[0]], "userId", out int userId);
        if (problem is not null)
            return problem;
        problem = FieldParser.PositiveId(line[fields[1]], "movieId", out int movieId);
        if (problem is not null)
            return problem;
        problem = FieldParser.Number(line[fields[2]], "rating", out double value)
            ?? RatingScaleRules.Problem(value, scale);
        if (problem is not null)
            return problem;
        problem = FieldParser.WholeNumber64(line[fields[3]], "timestamp", out long timestamp)
            ?? RatingTimestamp.Problem(timestamp);
        if (problem is not null)
            return problem;

        rating = new Rating(userId, movieId, (float)value, timestamp);
        return null;
    }
}
