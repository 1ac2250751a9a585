using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace MovieRec.Web.Cli;

/// <summary>A command-line mistake found after parsing: printed as is, with exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>
/// Options whose parse errors say what is accepted in words ("--rank takes a whole number from 1
/// to 1024, not "abc""), where System.CommandLine's own would name a .NET type.
/// </summary>
public static class CliOptions
{
    public static Option<string> Text(string name, string description, bool required = false) =>
        new(name) { Description = description, Required = required };

    public static Option<int?> Int(string name, string description, int min = int.MinValue, int max = int.MaxValue) =>
        new(name)
        {
            Description = description,
            CustomParser = result =>
            {
                string text = result.Tokens.Single().Value;
                if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
                    return Fail<int?>(result, $"{name} takes a whole number, not \"{text}\"");
                if (value < min || value > max) return Fail<int?>(result, $"{name} must be between {min} and {max} (got {value})");
                return value;
            },
        };

    public static Option<double?> Number(string name, string description) =>
        new(name)
        {
            Description = description,
            CustomParser = result =>
            {
                string text = result.Tokens.Single().Value;
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
                    ? value
                    : Fail<double?>(result, $"{name} takes a number, not \"{text}\"");
            },
        };

    /// <summary>A switch that may also take true or false: "--svdpp" alone is true. (System.CommandLine takes only those two words as its value.)</summary>
    public static Option<bool?> Bool(string name, string description) =>
        new(name)
        {
            Description = description,
            Arity = ArgumentArity.ZeroOrOne,
            CustomParser = result =>
            {
                if (result.Tokens.Count == 0) return true;
                string text = result.Tokens[0].Value;
                return bool.TryParse(text, out bool value) ? value : Fail<bool?>(result, $"{name} takes true or false, not \"{text}\"");
            },
        };

    /// <summary>A switch that takes no value.</summary>
    public static Option<bool> Flag(string name, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.Zero };

    private static T? Fail<T>(ArgumentResult result, string message)
    {
        result.AddError(message);
        return default;
    }
}
