namespace MovieRec.Core.Import;

/// <summary>
/// Checks the header line of a MovieLens CSV file. The readers find fields by position, so a file with
/// other columns (or none, when the header line is missing) would be misread line after line.
/// </summary>
internal static class CsvHeader
{
    /// <summary>Names are compared ignoring case and surrounding spaces; the order must match.</summary>
    public static void Check(string fileName, IReadOnlyList<string> actualNames, string expectedHeader)
    {
        string[] expectedNames = expectedHeader.Split(',');
        bool matches = actualNames.Count == expectedNames.Length
            && actualNames.Zip(expectedNames).All(pair => string.Equals(pair.First.Trim(), pair.Second, StringComparison.OrdinalIgnoreCase));
        if (matches)
            return;
        string found = actualNames.Count == 0 ? "an empty file" : FieldParser.Show(string.Join(',', actualNames));
        throw new DatasetFormatException(fileName, 1, $"expected the header \"{expectedHeader}\" but found {found}");
    }
}
