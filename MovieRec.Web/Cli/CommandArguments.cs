using System.Globalization;

namespace MovieRec.Web.Cli;

/// <summary>A command-line mistake: printed as is, with exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>
/// The "--name value" options and "--flag" switches after a command's words. Every option a
/// command reads is marked as used; whatever is left unread is reported as unknown, so that a
/// typo never passes silently.
/// </summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    /// <param name="switches">options that never take a value (--original)</param>
    /// <param name="optionalValues">options whose value may be left out (--synthetic alone)</param>
    public CommandArguments(IReadOnlyList<string> args, IReadOnlySet<string>? switches = null, IReadOnlySet<string>? optionalValues = null)
    {
        for (int n = 0; n < args.Count; n++)
        {
            string arg = args[n];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
                throw new UsageException($"unexpected argument \"{arg}\" (options look like --name value)");
            string name = arg[2..];
            string? value = null;
            int equals = name.IndexOf('=');
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }
            else if (optionalValues is not null && optionalValues.Contains(name))
            {
                if (n + 1 < args.Count && !args[n + 1].StartsWith("--", StringComparison.Ordinal)) value = args[++n];
            }
            else if (switches is null || !switches.Contains(name))
            {
                if (n + 1 >= args.Count) throw new UsageException($"--{name} needs a value");
                value = args[++n];
            }
            if (!_options.TryAdd(name, value)) throw new UsageException($"--{name} is given twice");
        }
    }

    public bool Has(string name)
    {
        _used.Add(name);
        return _options.ContainsKey(name);
    }

    public string? Text(string name)
    {
        _used.Add(name);
        return _options.TryGetValue(name, out var value) ? value : null;
    }

    public string RequiredText(string name) =>
        Text(name) is { Length: > 0 } value ? value : throw new UsageException($"--{name} is required");

    public int? Int(string name, int min = int.MinValue, int max = int.MaxValue)
    {
        if (Text(name) is not { } text) return null;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
            throw new UsageException($"--{name} takes a whole number, not \"{text}\"");
        if (value < min || value > max) throw new UsageException($"--{name} must be between {min} and {max} (got {value})");
        return value;
    }

    public double? Double(string name)
    {
        if (Text(name) is not { } text) return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            throw new UsageException($"--{name} takes a number, not \"{text}\"");
        return value;
    }

    public bool? Bool(string name)
    {
        if (Text(name) is not { } text) return _options.ContainsKey(name) ? true : null;
        return text.ToLowerInvariant() switch
        {
            "true" or "yes" or "on" or "1" => true,
            "false" or "no" or "off" or "0" => false,
            _ => throw new UsageException($"--{name} takes true or false, not \"{text}\""),
        };
    }

    /// <summary>Throws for any option no one asked for.</summary>
    public void RejectUnknown()
    {
        var unknown = _options.Keys.Where(name => !_used.Contains(name)).Select(name => "--" + name).ToList();
        if (unknown.Count > 0) throw new UsageException($"unknown option{(unknown.Count > 1 ? "s" : "")}: {string.Join(", ", unknown)}");
    }
}
