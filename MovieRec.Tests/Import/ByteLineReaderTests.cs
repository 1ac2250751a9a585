using System.Text;
using MovieRec.Core.Import;

namespace MovieRec.Tests.Import;

public sealed class ByteLineReaderTests
{
    private static List<string> ReadAll(byte[] content)
    {
        using var reader = new ByteLineReader(new MemoryStream(content), "test.txt");
        var lines = new List<string>();
        while (reader.TryReadLine(out var line))
            lines.Add(Encoding.UTF8.GetString(line));
        return lines;
    }

    [Fact]
    public void Lines_longer_than_the_buffer_come_back_whole()
    {
        string longLine = new('x', 200_000);

        var lines = ReadAll(Encoding.ASCII.GetBytes("a\n" + longLine + "\r\nb"));

        Assert.Equal(["a", longLine, "b"], lines);
    }

    [Fact]
    public void Line_breaks_at_buffer_boundaries_are_not_lost()
    {
        // Lines of every length around the 64 KiB buffer size, so that "\r\n" falls on each side of a boundary.
        var expected = Enumerable.Range(0, 40).Select(i => new string((char)('a' + i % 26), 65_530 + i)).ToList();

        var lines = ReadAll(Encoding.ASCII.GetBytes(string.Join("\r\n", expected) + "\r\n"));

        Assert.Equal(expected, lines);
    }

    [Fact]
    public void Counts_lines_and_bytes()
    {
        using var reader = new ByteLineReader(new MemoryStream("ab\r\ncde\n\nf"u8.ToArray()), "test.txt");

        Assert.True(reader.TryReadLine(out _));
        Assert.Equal((1, 4), (reader.LineNumber, reader.BytesConsumed));
        Assert.True(reader.TryReadLine(out _));
        Assert.Equal((2, 8), (reader.LineNumber, reader.BytesConsumed));
        Assert.True(reader.TryReadLine(out var empty));
        Assert.True(empty.IsEmpty);
        Assert.True(reader.TryReadLine(out _));
        Assert.Equal((4, 10), (reader.LineNumber, reader.BytesConsumed));
        Assert.False(reader.TryReadLine(out _));
    }

    [Fact]
    public void A_file_without_line_breaks_is_refused_rather_than_buffered_whole()
    {
        var content = new byte[ByteLineReader.MaxLineLength + 10];
        Array.Fill(content, (byte)'7');

        var error = Assert.Throws<DatasetFormatException>(() => ReadAll(content));

        Assert.Equal("test.txt", error.FileName);
        Assert.Equal(1, error.LineNumber);
    }
}
