using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace MovieRec.Core.Engine.ModelFormat;

/// <summary>
/// Opens a model file for reading only if it is a regular file. A FIFO at the model path would
/// make a plain open wait for a writer for ever (and every later reload behind it); a device
/// could be read without end. On Unix the file is opened with O_NONBLOCK, which never waits, and
/// refused unless it can seek (FIFOs, sockets and terminals cannot). .NET's FileAttributes do not
/// tell a FIFO from a file, hence libc's open.
/// </summary>
internal static class RegularFile
{
    private const int ReadOnly = 0;
    private const int NonBlocking = 0x800;  // O_NONBLOCK, the same value on Linux x64 and arm64
    private const int CloseOnExec = 0x80000; // O_CLOEXEC
    private const int NoSuchFile = 2, PermissionDenied = 13, NotPermitted = 1, IsADirectory = 21;

    public static FileStream OpenForReading(string path)
    {
        // FileShare.Delete lets a writer rename a new model over this path while it is being read.
        if (!OperatingSystem.IsLinux())
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.SequentialScan);

        int descriptor = open(path, ReadOnly | NonBlocking | CloseOnExec);
        if (descriptor < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw errno switch
            {
                NoSuchFile => new FileNotFoundException($"Could not find file '{path}'.", path),
                PermissionDenied or NotPermitted => new UnauthorizedAccessException($"Access to the path '{path}' is denied."),
                _ => new IOException($"Could not open '{path}' (errno {errno})."),
            };
        }
        var handle = new SafeFileHandle(descriptor, ownsHandle: true);
        FileStream? stream = null;
        try
        {
            if (Directory.Exists(path))
                throw new UnauthorizedAccessException($"Access to the path '{path}' is denied: it is a folder (errno {IsADirectory}).");
            stream = new FileStream(handle, FileAccess.Read, 1 << 16);
            if (!stream.CanSeek)
                throw new ModelFileException(ModelFileProblem.NotARegularFile, path,
                    "it is not a regular file (a FIFO, socket or device): a model is only read from a plain file");
            return stream;
        }
        catch
        {
            if (stream is not null) stream.Dispose();
            else handle.Dispose();
            throw;
        }
    }

    [DllImport("libc", SetLastError = true, EntryPoint = "open")]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
}
