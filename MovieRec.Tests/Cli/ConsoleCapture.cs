namespace MovieRec.Tests.Cli;

/// <summary>Tests that swap Console.Out / Console.Error run one at a time.</summary>
[CollectionDefinition(nameof(ConsoleCapture), DisableParallelization = true)]
public sealed class ConsoleCapture
{
    /// <summary>Runs the command line in-process and returns its exit code and what it printed.</summary>
    public static (int Exit, string Out, string Error) Run(params string[] args) => RunWith(null, args);

    /// <summary>The same with the given settings instead of appsettings.json and the environment.</summary>
    public static (int Exit, string Out, string Error) RunWith(Microsoft.Extensions.Configuration.IConfiguration? configuration, params string[] args)
    {
        var (oldOut, oldError) = (Console.Out, Console.Error);
        var (output, error) = (new StringWriter(), new StringWriter());
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            int exit = MovieRec.Web.Cli.CommandLine.RunAsync(args, configuration).GetAwaiter().GetResult();
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }
}
