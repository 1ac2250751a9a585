namespace MovieRec.Core.Import;

/// <summary>The three ways MovieLens writes a movies file, and how a file's layout is recognised.</summary>
internal enum MovieFileLayout
{
    Csv,
    UItem,
    Dat,
}

internal static class MovieFileLayouts
{
    /// <summary>
    /// By the first line: the CSV header, else a u.item line (24 fields separated by "|"; tested before "::"
    /// because a movies.dat line also contains "|" between its genres), else "MovieID::Title::Genres".
    /// A first line that fits none falls back on the file name, so that a movies.csv without its header
    /// gets the header error rather than a vaguer one.
    /// </summary>
    public static MovieFileLayout Recognize(string path)
    {
        string fileName = Path.GetFileName(path);
        using (var lines = new ByteLineReader(SequentialFile.Open(path), fileName))
        {
            if (lines.TryReadLine(out var first))
            {
                if (first.Length >= 8 && System.Text.Ascii.EqualsIgnoreCase(first[..8], "movieId,"u8))
                    return MovieFileLayout.Csv;
                if (first.Count((byte)'|') >= 23)
                    return MovieFileLayout.UItem;
                if (first.IndexOf("::"u8) >= 0)
                    return MovieFileLayout.Dat;
            }
        }
        if (fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            return MovieFileLayout.Csv;
        if (fileName.Equals("u.item", StringComparison.OrdinalIgnoreCase))
            return MovieFileLayout.UItem;
        if (fileName.EndsWith(".dat", StringComparison.OrdinalIgnoreCase))
            return MovieFileLayout.Dat;
        throw new DatasetFormatException(fileName, 1,
            $"the first line does not start a movies file: expected the CSV header \"{MoviesCsvFile.Header}\", " +
            "a u.item line (24 fields separated by \"|\") or \"MovieID::Title::Genres\"");
    }
}
