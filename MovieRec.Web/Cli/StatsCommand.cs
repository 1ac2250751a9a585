using Microsoft.Extensions.Configuration;
using Serilog;

namespace MovieRec.Web.Cli;

/// <summary>stats reconcile: recomputes every movie's rating statistics from the ratings.</summary>
public static class StatsCommand
{
    public const string Usage = """
        stats reconcile
          Recomputes every movie's rating count and sum from the ratings (a repair after a crash
          between the two writes of a MongoDB rating update, or a hand edit) and says how many were off.
        """;

    public static async Task<int> ReconcileAsync(CommandArguments args, IConfiguration configuration)
    {
        args.RejectUnknown();
        await using var store = await StoreAccess.OpenAsync(configuration);
        int corrected = await store.ReconcileStatisticsAsync();
        Log.Information("Reconciled movie statistics: {Corrected} movies corrected", corrected);
        Console.WriteLine($"{corrected} movies had statistics that disagreed with their ratings; all are now recounted");
        return 0;
    }
}
