namespace MovieRec.Core.Import;

/// <summary>
/// Turns one line of a delimited file into a value. Returns null on success, otherwise the reason the
/// line is bad (for <see cref="DatasetFormatException.Reason"/>).
/// </summary>
internal delegate string? LineParser<T>(ReadOnlySpan<byte> line, out T value);
