using System.CommandLine;
using MovieRec.Core.Storage;

namespace MovieRec.Web.Cli;

/// <summary>stats reconcile: recomputes every movie's rating statistics from the ratings.</summary>
public sealed class StatsCommand(IMovieRecStore store, ILogger<StatsCommand> logger)
{
    public static Command Define(CommandActions actions)
    {
        var reconcile = actions.Bind<StatsCommand>(new Command("reconcile",
                "Recomputes every movie's rating count and sum from the ratings (a repair after a crash between the two writes of a MongoDB rating update, or a hand edit) and says how many were off."),
            (stats, _, cancellationToken) => stats.ReconcileAsync(cancellationToken));
        return new Command("stats", "Rating statistics: stats reconcile.") { reconcile };
    }

    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        int corrected = await store.ReconcileStatisticsAsync(cancellationToken);
        logger.LogInformation("Reconciled movie statistics: {Corrected} movies corrected", corrected);
        Console.WriteLine($"{corrected} movies had statistics that disagreed with their ratings; all are now recounted");
        return 0;
    }
}
