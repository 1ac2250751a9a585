namespace MovieRec.Core.Import;

/// <summary>
/// A line of a dataset file that cannot be imported, with where it is and what is wrong with it.
/// The message reads like <c>ratings.csv line 17: rating "abc" is not a number</c>.
/// </summary>
public sealed class DatasetFormatException : Exception
{
    public DatasetFormatException(string fileName, long lineNumber, string reason)
        : base($"{fileName} line {lineNumber}: {reason}")
    {
        FileName = fileName;
        LineNumber = lineNumber;
        Reason = reason;
    }

    /// <summary>The file name without its folder, as messages show it.</summary>
    public string FileName { get; }

    /// <summary>1-based, counting the header line of CSV files.</summary>
    public long LineNumber { get; }

    /// <summary>What is wrong with the line, without the file name and line number.</summary>
    public string Reason { get; }
}
