using System.Text;
using MovieRec.Core.Import;

namespace MovieRec.Tests.Import;

public sealed class TextEncodingDetectorTests
{
    [Fact]
    public void Latin_1_accents_are_detected_as_latin_1()
    {
        using var folder = new TempFolder();
        string path = folder.WriteBytes("movies.dat", Encoding.Latin1.GetBytes("3::Misérables, Les (1995)::Drama\n"));

        Assert.Equal(Encoding.Latin1.CodePage, TextEncodingDetector.Detect(path).CodePage);
    }

    [Fact]
    public void Utf_8_split_across_read_chunks_is_still_utf_8()
    {
        using var folder = new TempFolder();
        // "é" is two bytes in UTF-8; put them on either side of the detector's 64 KiB chunk boundary.
        string text = new string('a', 64 * 1024 - 1) + "é\n";
        string path = folder.WriteBytes("movies.dat", new UTF8Encoding(false).GetBytes(text));

        Assert.Equal(Encoding.UTF8.CodePage, TextEncodingDetector.Detect(path).CodePage);
    }

    [Fact]
    public void A_file_cut_inside_a_utf_8_sequence_is_not_utf_8()
    {
        using var folder = new TempFolder();
        byte[] utf8 = new UTF8Encoding(false).GetBytes("Amélie");
        string path = folder.WriteBytes("movies.dat", utf8[..3]);

        Assert.Equal(Encoding.Latin1.CodePage, TextEncodingDetector.Detect(path).CodePage);
    }
}
