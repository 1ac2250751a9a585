namespace MovieRec.Core.Import;

/// <summary>
/// How far the import of one file has come. <paramref name="File"/> is the file name without its folder;
/// <paramref name="Rows"/> counts the data lines read so far, bad ones included.
/// </summary>
public readonly record struct ImportProgress(string File, long BytesRead, long TotalBytes, long Rows);
