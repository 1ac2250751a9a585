namespace MovieRec.Core.Import;

/// <summary>
/// What an import skipped when <see cref="ImportOptions.SkipBadLines"/> is on: counts in total and per file,
/// and the first few messages so that a user can see what kind of damage the files have.
/// Each enumeration of a reader adds to the same report. Not thread-safe.
/// </summary>
public sealed class ImportReport
{
    /// <summary>How many messages are kept; a badly broken file would otherwise fill memory with them.</summary>
    public const int MaxMessages = 20;

    private readonly Dictionary<string, long> _skippedByFile = new(StringComparer.Ordinal);
    private readonly List<string> _firstMessages = [];

    public long SkippedLines { get; private set; }

    /// <summary>Skipped lines per file name (without folder).</summary>
    public IReadOnlyDictionary<string, long> SkippedLinesByFile => _skippedByFile;

    /// <summary>The messages of the first <see cref="MaxMessages"/> skipped lines, in the order they were met.</summary>
    public IReadOnlyList<string> FirstMessages => _firstMessages;

    /// <summary>Titles and tags that had control or bidi-control characters removed.</summary>
    public long CleanedTexts { get; private set; }

    internal void RecordCleaned() => CleanedTexts++;

    public long SkippedLinesIn(string fileName) => _skippedByFile.GetValueOrDefault(fileName);

    internal void RecordSkipped(DatasetFormatException problem)
    {
        SkippedLines++;
        _skippedByFile[problem.FileName] = SkippedLinesIn(problem.FileName) + 1;
        if (_firstMessages.Count < MaxMessages)
            _firstMessages.Add(problem.Message);
    }

    public override string ToString() =>
        SkippedLines == 0
            ? "no lines skipped"
            : $"{SkippedLines} lines skipped ({string.Join(", ", _skippedByFile.Select(f => $"{f.Key}: {f.Value}"))})";
}
