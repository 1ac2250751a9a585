using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MovieRec.Core.Engine;
using MovieRec.Tests.Helpers;
using MovieRec.Web.Models;

namespace MovieRec.Tests.Web;

/// <summary>
/// The web app over its own temporary data folder: a fresh SQLite file, the tiny dataset to import
/// on first run and (unless told otherwise) a tiny model file trained before the app starts.
/// </summary>
public class MovieRecAppFactory : WebApplicationFactory<Program>
{
    public MovieRecAppFactory() : this(withModel: true) { }

    protected MovieRecAppFactory(bool withModel)
    {
        DataFolder = Path.Combine(Path.GetTempPath(), "movierec-web-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataFolder);
        TinyMovieLens.WriteTo(DatasetPath);
        if (withModel) ModelFile.Write(TinyMovieLens.TrainModel(), ModelPath);
    }

    public string DataFolder { get; }
    public string DatasetPath => Path.Combine(DataFolder, "ml-latest-small");
    public string ModelPath => Path.Combine(DataFolder, "model.bin");
    public string DatabasePath => Path.Combine(DataFolder, "movierec.db");

    /// <summary>The model history folder (the default: "models" beside Model:Path).</summary>
    public string HistoryFolder => Path.Combine(DataFolder, "models");

    /// <summary>Settings a test adds or replaces before the app starts (its first request or Services).</summary>
    public Dictionary<string, string?> ExtraSettings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "sqlite",
            ["Storage:SqlitePath"] = DatabasePath,
            ["Data:DatasetPath"] = DatasetPath,
            ["Model:Path"] = ModelPath,
            ["Model:PollSeconds"] = "1",
            // Should a test start without a model, the one trained in the background is tiny too.
            ["Model:Training:Rank"] = "4",
            ["Model:Training:Iterations"] = "3",
            ["Model:Training:RankingRank"] = "3",
            ["Model:Training:RankingIterations"] = "3",
            ["Model:Training:Threads"] = "1",
            // Each test app is its own installation, with its key ring in its own folder.
            ["Sessions:KeyRingPath"] = Path.Combine(DataFolder, "keys"),
            // Every check reaches the store, so a change made behind the app's back counts at once.
            ["Sessions:RecheckSeconds"] = "0",
            // The tests sign many people in from one (test) address; the limits have tests of their own.
            ["SignInLimits:LoginsPerAddressPerMinute"] = "100000",
            ["SignInLimits:LoginsPerUsernamePerMinute"] = "100000",
            ["SignInLimits:RegistrationsPerAddressPerHour"] = "100000",
            ["SignInLimits:QueuedHashes"] = "100000",
        };
        // A test's own settings replace these defaults (Sessions:RecheckSeconds as deployed, for one).
        foreach (var (key, value) in ExtraSettings) settings[key] = value;
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));
    }

    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>
    /// Starts the app and, when a model file is there, returns once the reloader (a hosted
    /// service, which starts after the host does) has made its first attempt to load it. Tests
    /// written against "the app with a model" would otherwise get the popular fallback or similar
    /// movies by content whenever their first request beat the reloader, as it can on loaded cores.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        bool fileAtStart = File.Exists(ModelPath);
        var host = base.CreateHost(builder);
        if (fileAtStart)
        {
            var holder = host.Services.GetRequiredService<ModelHolder>();
            var waited = System.Diagnostics.Stopwatch.StartNew();
            // A plain blocking wait: CreateHost is synchronous, and blocking on a task here could
            // wait for a continuation queued behind this very thread in xunit's context.
            while (holder.LastReload is null)
            {
                if (waited.Elapsed > Eventually.Patience)
                    throw new TimeoutException($"the app did not try to load {ModelPath} within {Eventually.Patience.TotalSeconds:0} s");
                Thread.Sleep(20);
            }
        }
        return host;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finishing background task; the temp folder is cleaned by the OS.
        }
    }
}

/// <summary>The same app started with no model file: it must serve popularity and train one in the background.</summary>
public sealed class MovieRecAppWithoutModelFactory() : MovieRecAppFactory(withModel: false);
