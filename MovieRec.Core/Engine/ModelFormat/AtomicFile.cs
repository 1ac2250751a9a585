namespace MovieRec.Core.Engine.ModelFormat;

/// <summary>
/// Replaces a file so that readers see either the old content or the complete new content, never a
/// mix: write a temporary file beside the target, flush it to the disk, rename it over the target.
/// </summary>
internal static class AtomicFile
{
    /// <param name="path">The file to create or replace.</param>
    /// <param name="writeContent">Writes the whole new content to the stream it is given.</param>
    /// <param name="wrapOutput">
    /// Lets tests put a failing stream between the content and the temporary file; production
    /// passes the file stream through unchanged.
    /// </param>
    public static void Replace(string path, Action<Stream> writeContent, Func<Stream, Stream> wrapOutput) =>
        Commit(path, (string temporary, ref bool created) =>
        {
            using var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
            created = true;
            Stream output = wrapOutput(file);
            writeContent(output);
            output.Flush();
            // Without this the rename can reach the disk before the data, and a crash would leave a
            // complete-looking but empty or partial file under the target's name.
            file.Flush(flushToDisk: true);
        });

    /// <summary>
    /// Replaces <paramref name="path"/> with a copy of <paramref name="source"/> the same way. The
    /// copy is File.Copy's: the kernel copies (a copy-on-write clone where the file system has
    /// them, else copy_file_range), so the model's tens of megabytes never pass through this process.
    /// </summary>
    public static void ReplaceWithCopy(string source, string path) =>
        Commit(path, (string temporary, ref bool created) =>
        {
            File.Copy(source, temporary); // never over an existing file
            created = true;
            using var file = new FileStream(temporary, FileMode.Open, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
            file.Flush(flushToDisk: true);
        });

    private delegate void Fill(string temporary, ref bool created);

    /// <summary>Has <paramref name="fill"/> create and flush a temporary file beside <paramref name="path"/>, then renames it over it.</summary>
    private static void Commit(string path, Fill fill)
    {
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath)
            ?? throw new ArgumentException($"'{path}' names no file inside a directory", nameof(path));
        // Same directory, so the rename stays on one file system and is atomic. The dot hides it from
        // directory listings; the GUID keeps two concurrent writers from sharing one temporary file.
        string temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        bool created = false;
        try
        {
            fill(temporary, ref created);
            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            // Only delete what this call created: failing to create means the name belongs to someone else.
            if (created)
                TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The original failure is the one worth reporting; a leftover hidden .tmp is harmless.
        }
    }
}
