namespace MovieRec.Core.Import;

/// <summary>
/// Reads a stream line by line as byte spans, without decoding: the ratings files are hundreds of
/// megabytes of ASCII digits, and turning each line into a string would cost more than parsing it.
/// A returned line is valid until the next call. Handles LF and CR LF endings, a last line without
/// a line break, and a UTF-8 byte order mark at the start.
/// </summary>
internal sealed class ByteLineReader(Stream stream, string fileName) : IDisposable
{
    /// <summary>Longer lines mean the file is not a MovieLens text file (or is corrupt): stop rather than grow without bound.</summary>
    public const int MaxLineLength = 1 << 20;

    private const int InitialBufferSize = 64 * 1024;

    private byte[] _buffer = new byte[InitialBufferSize];
    private int _start;
    private int _end;
    private bool _endOfStream;

    /// <summary>The 1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Bytes of the stream up to and including the line break of the line last returned.</summary>
    public long BytesConsumed { get; private set; }

    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            ReadOnlySpan<byte> pending = _buffer.AsSpan(_start, _end - _start);
            int lineBreak = pending.IndexOf((byte)'\n');
            if (lineBreak >= 0)
            {
                line = pending[..lineBreak];
                Consume(lineBreak + 1);
                break;
            }
            if (_endOfStream)
            {
                if (pending.IsEmpty)
                {
                    line = default;
                    return false;
                }
                line = pending;
                Consume(pending.Length);
                break;
            }
            ReadMore();
        }

        if (!line.IsEmpty && line[^1] == (byte)'\r')
            line = line[..^1];
        LineNumber++;
        if (LineNumber == 1 && line.StartsWith("\uFEFF"u8))
            line = line[3..];
        return true;
    }

    private void Consume(int count)
    {
        _start += count;
        BytesConsumed += count;
    }

    private void ReadMore()
    {
        int pendingLength = _end - _start;
        if (_start > 0)
        {
            // Keep the partial line at the front so the buffer only grows for lines longer than itself.
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pendingLength);
            _start = 0;
            _end = pendingLength;
        }
        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxLineLength)
                throw new DatasetFormatException(fileName, LineNumber + 1,
                    $"line is longer than {MaxLineLength / 1024} KiB; this does not look like a MovieLens text file");
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        int read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
            _endOfStream = true;
        else
            _end += read;
    }

    public void Dispose() => stream.Dispose();
}
