namespace MovieRec.Core.Import;

/// <summary>
/// The read loop shared by the line-oriented files (ratings of every layout, movies.dat, u.item, tags.dat):
/// streams the file, checks the CSV header if there is one, skips blank lines, hands each line to a
/// parser, applies the bad-line policy and reports progress. Nothing is read until the caller enumerates.
/// </summary>
internal static class ParsedLines
{
    private enum Outcome { EndOfFile, Blank, Parsed, Bad }

    /// <param name="csvHeader">The header the first line must be, or null for the headerless formats.</param>
    /// <summary>
    /// As <see cref="Read{T}"/> for a header-less file whose text encoding is detected first. The
    /// detection runs inside the iterator, so that like every other file this one is not touched
    /// until enumerated.
    /// </summary>
    public static IEnumerable<T> ReadDetectingEncoding<T>(string path, EncodedLineParser<T> parse, ImportOptions options, ImportReport report)
    {
        var encoding = TextEncodingDetector.Detect(path);
        foreach (var value in Read<T>(path, csvHeader: null, (ReadOnlySpan<byte> line, out T parsed) => parse(line, encoding, out parsed), options, report))
            yield return value;
    }

    public static IEnumerable<T> Read<T>(string path, string? csvHeader, LineParser<T> parse, ImportOptions options, ImportReport report)
    {
        string fileName = Path.GetFileName(path);
        var stream = SequentialFile.Open(path);
        long totalBytes = stream.Length;
        using var lines = new ByteLineReader(stream, fileName);
        var badLines = new BadLineHandler(fileName, options, report);
        var progress = new ProgressTicker(fileName, totalBytes, options.Progress);

        if (csvHeader is not null)
            CheckHeader(lines, fileName, csvHeader);

        while (true)
        {
            // The line is a span into the reader's buffer, which an iterator cannot hold across a yield,
            // so the parsing happens in a separate method and only the value comes back here.
            var outcome = ParseNext(lines, parse, out T value, out string? problem);
            if (outcome == Outcome.EndOfFile)
                break;
            if (outcome == Outcome.Blank)
                continue;
            progress.RowRead(lines.BytesConsumed);
            if (outcome == Outcome.Bad)
            {
                badLines.Reject(lines.LineNumber, problem!);
                continue;
            }
            yield return value;
        }
        progress.Finished(lines.BytesConsumed);
    }

    private static Outcome ParseNext<T>(ByteLineReader lines, LineParser<T> parse, out T value, out string? problem)
    {
        value = default!;
        problem = null;
        if (!lines.TryReadLine(out var line))
            return Outcome.EndOfFile;
        // Blank lines carry no data (a trailing one is common); they are passed over, not reported.
        if (DelimitedFields.IsBlank(line))
            return Outcome.Blank;
        problem = parse(line, out value);
        return problem is null ? Outcome.Parsed : Outcome.Bad;
    }

    private static void CheckHeader(ByteLineReader lines, string fileName, string expectedHeader)
    {
        IReadOnlyList<string> names = lines.TryReadLine(out var header)
            ? System.Text.Encoding.UTF8.GetString(header).Split(',')
            : [];
        CsvHeader.Check(fileName, names, expectedHeader);
    }
}
