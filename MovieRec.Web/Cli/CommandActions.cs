using System.CommandLine;

namespace MovieRec.Web.Cli;

/// <summary>
/// Joins a command's syntax to the class that runs it: when the command is chosen, its class is
/// resolved from the host's services (so it gets the store, options and loggers like any service)
/// and handed the parse result.
/// </summary>
public sealed class CommandActions(IServiceProvider services)
{
    public Command Bind<TCommand>(Command command, Func<TCommand, ParseResult, CancellationToken, Task<int>> run) where TCommand : notnull
    {
        command.SetAction((parseResult, cancellationToken) => run(services.GetRequiredService<TCommand>(), parseResult, cancellationToken));
        return command;
    }

    public Command Bind<TCommand>(Command command, Func<TCommand, ParseResult, int> run) where TCommand : notnull
    {
        command.SetAction(parseResult => run(services.GetRequiredService<TCommand>(), parseResult));
        return command;
    }
}
