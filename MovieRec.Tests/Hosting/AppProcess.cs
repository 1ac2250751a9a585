using MovieRec.Tests.Browser;
using MovieRec.Tests.Web;

namespace MovieRec.Tests.Hosting;

/// <summary>
/// The real app as a process over a temporary data folder with the tiny dataset, as a deployment
/// would start it. Tests that start one share a collection, so that they run one at a time and do
/// not starve the browser tests' server of the two cores.
/// </summary>
[CollectionDefinition(nameof(AppProcess))]
public sealed class AppProcess : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("movierec-hosting-").FullName;

    private AppProcess(ServerProcess.AddressConvention convention, IReadOnlyDictionary<string, string?> settings)
    {
        TinyMovieLens.WriteTo(Path.Combine(_folder, "dataset"));
        var environment = new Dictionary<string, string?>
        {
            ["Storage__Provider"] = "sqlite",
            ["Storage__SqlitePath"] = Path.Combine(_folder, "movierec.db"),
            ["Data__DatasetPath"] = Path.Combine(_folder, "dataset"),
            ["Model__Path"] = Path.Combine(_folder, "model.bin"),
            ["Model__Training__Rank"] = "4",
            ["Model__Training__Iterations"] = "2",
            ["Model__Training__RankingRank"] = "3",
            ["Model__Training__RankingIterations"] = "2",
            ["Model__Training__Threads"] = "1",
        };
        foreach (var (key, value) in settings) environment[key] = value;
        Server = ServerProcess.Start(environment, convention, _folder);
    }

    public ServerProcess Server { get; }

    public static AppProcess Start(ServerProcess.AddressConvention convention, IReadOnlyDictionary<string, string?>? settings = null) =>
        new(convention, settings ?? new Dictionary<string, string?>());

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file the killed process held a moment ago; the temp folder is cleaned by the OS.
        }
    }
}
