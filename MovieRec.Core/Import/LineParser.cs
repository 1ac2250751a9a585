namespace MovieRec.Core.Import;

/// <summary>
/// Turns one line of a delimited file into a value. Returns null on success, otherwise the reason the
/// line is bad (for <see cref="DatasetFormatException.Reason"/>).
/// </summary>
internal delegate string? LineParser<T>(ReadOnlySpan<byte> line, out T value);

/// <summary>A <see cref="LineParser{T}"/> for a text file whose encoding was detected first (ISO-8859-1 or UTF-8).</summary>
internal delegate string? EncodedLineParser<T>(ReadOnlySpan<byte> line, System.Text.Encoding encoding, out T value);
