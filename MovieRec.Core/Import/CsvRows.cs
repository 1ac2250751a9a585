using System.Globalization;
using CsvHelper;

namespace MovieRec.Core.Import;

/// <summary>
/// Reads the CSV files whose text fields may be quoted (movies.csv titles such as "American President, The
/// (1995)", tags, links) with CsvHelper, and yields the reader positioned on each well-formed record.
/// The record is valid until the enumeration moves on. Bad quoting and wrong field counts go through the
/// bad-line policy here, so the callers only parse fields.
/// </summary>
internal static class CsvRows
{
    public static IEnumerable<CsvReader> Read(string path, string expectedHeader, BadLineHandler badLines, IProgress<ImportProgress>? progress)
    {
        var malformed = new Queue<CsvHelper.CsvMalformedRecord>();
        var options = new CsvReaderOptions
        {
            // Set, not detected: a movies.csv full of "|"-separated genres could pass for a "|"-separated file.
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            // MovieLens fields have no line breaks; this way one unbalanced quote costs one line, not the rest of the file.
            AllowLineBreaksInQuotes = false,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = malformed.Enqueue,
            // Checked below instead, so that the message reads like those of the other files.
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            FormatProvider = CultureInfo.InvariantCulture,
        };
        string fileName = badLines.FileName;
        long totalBytes = new FileInfo(path).Length;
        int fieldCount = expectedHeader.Split(',').Length;
        var ticker = new ProgressTicker(fileName, totalBytes, progress);

        using var reader = CsvReader.FromFile(path, options, FileOptions.SequentialScan);
        CsvHeader.Check(fileName, Headers(reader, fileName), expectedHeader);
        while (Advance(reader, fileName))
        {
            RejectMalformed(malformed, badLines, ticker, reader.ByteOffset);
            // Lines of spaces carry no data: passed over, as in the other formats.
            if (reader.FieldCount == 1 && DelimitedFields.IsBlank(reader.GetSpan(0)))
                continue;
            ticker.RowRead(reader.ByteOffset);
            if (reader.FieldCount != fieldCount)
            {
                badLines.Reject(reader.LineNumber, DelimitedFields.CountProblem(fieldCount, reader.FieldCount, ","u8));
                continue;
            }
            yield return reader;
        }
        RejectMalformed(malformed, badLines, ticker, totalBytes);
        ticker.Finished(totalBytes);
    }

    private static IReadOnlyList<string> Headers(CsvReader reader, string fileName)
    {
        try
        {
            return reader.Headers;
        }
        catch (CsvFormatException e)
        {
            throw new DatasetFormatException(fileName, 1, $"the header cannot be read: {e.Message}");
        }
    }

    /// <summary>CsvHelper's own errors (such as a record too large for its buffer) become ours, with file and line.</summary>
    private static bool Advance(CsvReader reader, string fileName)
    {
        try
        {
            return reader.Read();
        }
        catch (CsvFormatException e)
        {
            throw new DatasetFormatException(fileName, e.LineNumber, e.Message);
        }
    }

    private static void RejectMalformed(Queue<CsvHelper.CsvMalformedRecord> malformed, BadLineHandler badLines, ProgressTicker ticker, long bytesRead)
    {
        while (malformed.TryDequeue(out var record))
        {
            ticker.RowRead(bytesRead);
            badLines.Reject(record.LineNumber, Describe(record.Reason));
        }
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside a field that does not start with one (quote the whole field and double inner quotes)",
        CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a quoted field",
        CsvMalformedReason.UnterminatedQuote => "a quoted field is never closed",
        CsvMalformedReason.LineBreakInQuotes => "a quoted field is not closed on its line",
        _ => $"malformed CSV ({reason})",
    };
}
