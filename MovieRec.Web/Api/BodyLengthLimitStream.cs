namespace MovieRec.Web.Api;

/// <summary>
/// The request body, cut off after a number of bytes with a 413. Used when the server offers no
/// body-size limit of its own to set (the in-process test server, or a limit already made
/// read-only), so that a chunked body with no declared length cannot slip past the API's limit.
/// </summary>
public sealed class BodyLengthLimitStream(Stream inner, long maxBytes) : Stream
{
    private long read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(int bytes)
    {
        read += bytes;
        // The same exception and status Kestrel uses for its own limit, so one handler answers both.
        if (read > maxBytes)
            throw new BadHttpRequestException($"The request body is larger than the {maxBytes} bytes the API accepts.", StatusCodes.Status413PayloadTooLarge);
        return bytes;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
