namespace MovieRec.Web.Models;

/// <summary>Size and last-write time of a file: what changes when the model file is replaced.</summary>
internal readonly record struct FileStamp(long Length, DateTime LastWriteUtc)
{
    /// <summary>The file's stamp, or null when there is no file.</summary>
    public static FileStamp? Read(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? new FileStamp(file.Length, file.LastWriteTimeUtc) : null;
    }
}
