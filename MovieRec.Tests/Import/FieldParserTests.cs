using MovieRec.Core.Import;

namespace MovieRec.Tests.Import;

/// <summary>The fast paths for plain digits and "d.d" ratings must agree with the general parsers they stand in for.</summary>
public sealed class FieldParserTests
{
    [Theory]
    [InlineData("4", 4.0)]
    [InlineData("4.0", 4.0)]
    [InlineData("3.5", 3.5)]
    [InlineData("0.5", 0.5)]
    [InlineData("3.3", 3.3)]
    [InlineData("4.50", 4.5)]
    [InlineData(" 2.5 ", 2.5)]
    [InlineData("5e0", 5.0)]
    [InlineData("10", 10.0)]
    public void Ratings_parse_to_the_same_double_as_double_parse(string text, double expected)
    {
        Assert.Null(FieldParser.Number(System.Text.Encoding.ASCII.GetBytes(text), "rating", out double value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("0007", 7)]
    [InlineData("2147483647", int.MaxValue)]
    [InlineData(" 42", 42)]
    [InlineData("+42", 42)]
    public void Ids_parse_with_and_without_the_fast_path(string text, int expected)
    {
        Assert.Null(FieldParser.PositiveId(System.Text.Encoding.ASCII.GetBytes(text), "userId", out int id));
        Assert.Equal(expected, id);
    }

    [Theory]
    [InlineData("2147483648", "userId \"2147483648\" is not a whole number")]
    [InlineData("1.0", "userId \"1.0\" is not a whole number")]
    [InlineData("", "userId \"\" is not a whole number")]
    [InlineData("000", "userId 0 is not positive")]
    public void Bad_ids_are_explained(string text, string expected)
    {
        Assert.Equal(expected, FieldParser.PositiveId(System.Text.Encoding.ASCII.GetBytes(text), "userId", out _));
    }

    [Theory]
    [InlineData("964982703", 964982703L)]
    [InlineData("123456789012345678", 123456789012345678L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-1", -1L)]
    public void Timestamps_parse_with_and_without_the_fast_path(string text, long expected)
    {
        Assert.Null(FieldParser.WholeNumber64(System.Text.Encoding.ASCII.GetBytes(text), "timestamp", out long value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Long_field_text_is_cut_short_in_messages()
    {
        string problem = FieldParser.Number(System.Text.Encoding.ASCII.GetBytes(new string('x', 500)), "rating", out _)!;

        Assert.True(problem.Length < 100, problem);
        Assert.StartsWith("rating \"xxx", problem);
    }
}
