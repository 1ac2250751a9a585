using System.Text;

namespace MovieRec.Core.Storage.Sqlite;

/// <summary>
/// Turns a person's search text into a LIKE pattern that matches it literally as a substring:
/// '%' and '_' (LIKE's wildcards) and the escape character itself are escaped, to be used with
/// <c>LIKE @pattern ESCAPE '\'</c>.
/// </summary>
internal static class SqliteLikePattern
{
    public const char EscapeCharacter = '\\';

    /// <summary>The SQL clause that goes with the patterns made here.</summary>
    public const string EscapeClause = "ESCAPE '\\'";

    public static string Contains(string text)
    {
        var pattern = new StringBuilder(text.Length + 8).Append('%');
        foreach (var c in text)
        {
            if (c is '%' or '_' or EscapeCharacter)
                pattern.Append(EscapeCharacter);
            pattern.Append(c);
        }
        return pattern.Append('%').ToString();
    }
}
