using System.Text;

namespace MovieRec.Core.Import;

/// <summary>
/// The .dat and u.item files carry no encoding: ml-100k and ml-1m are ISO-8859-1, ml-10m is UTF-8.
/// Latin-1 text with accented letters is almost never valid UTF-8, so a file that decodes as strict
/// UTF-8 is taken as UTF-8 and any other as Latin-1 (which every byte sequence is).
/// The check streams the file once; these files are a few megabytes at most.
/// </summary>
internal static class TextEncodingDetector
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static Encoding Detect(string path)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        byte[] bytes = new byte[64 * 1024];
        // GetChars rather than GetCharCount: only decoding carries a sequence cut by a chunk boundary over to the next chunk.
        char[] chars = new char[bytes.Length + 4];
        using var stream = SequentialFile.Open(path);
        try
        {
            int read;
            while ((read = stream.Read(bytes, 0, bytes.Length)) > 0)
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            // A file that ends inside a multi-byte sequence is not valid UTF-8 either.
            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
            return Utf8;
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1;
        }
    }
}
