using System.Text;

namespace MovieRec.Web.Cli;

/// <summary>
/// Reads a password for a command: from standard input when it is redirected (one line, for
/// scripts), else typed at the terminal without echo and asked twice.
/// </summary>
public static class PasswordInput
{
    public static string Read(string forWhom)
    {
        if (Console.IsInputRedirected)
            return Console.In.ReadLine() ?? throw new UsageException("no password on standard input");
        string first = ReadHidden($"New password for {forWhom}: ");
        string second = ReadHidden("Repeat it: ");
        if (first != second) throw new UsageException("the two passwords differ");
        return first;
    }

    private static string ReadHidden(string prompt)
    {
        Console.Error.Write(prompt);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0) text.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
        Console.Error.WriteLine();
        return text.ToString();
    }
}
