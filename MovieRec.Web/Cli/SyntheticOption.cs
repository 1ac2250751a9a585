using System.CommandLine;
using MovieRec.Core.Benchmarks;

namespace MovieRec.Web.Cli;

/// <summary>The bench commands' --synthetic [USERS,MOVIES,RATINGS] option and its reading.</summary>
public static class SyntheticOption
{
    public static Option<string?> Define(string description) => new("--synthetic")
    {
        Description = description + " USERS,MOVIES,RATINGS; alone, the MovieLens 32M shape (200,948 users, 87,585 movies, 32,000,204 ratings).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    /// <summary>The shape given, or null when the option is absent; a malformed shape is a usage mistake.</summary>
    public static SyntheticShape? Read(ParseResult args, Option<string?> option)
    {
        if (args.GetResult(option) is null) return null;
        try
        {
            return SyntheticShape.Parse(args.GetValue(option));
        }
        catch (FormatException error)
        {
            throw new UsageException(error.Message);
        }
    }
}
