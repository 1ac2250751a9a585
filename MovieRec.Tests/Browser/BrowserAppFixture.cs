using Microsoft.Playwright;

namespace MovieRec.Tests.Browser;

/// <summary>
/// One real server and one headless Chromium for the browser tests (see <see cref="BrowserCollection"/>). The server starts on an empty data
/// folder, so it goes through the first run a person would see: it imports ml-latest-small into a
/// fresh SQLite file and trains the first model in the background; the fixture is ready once
/// /health reports that model loaded. Each test then opens its own browser context (own cookies).
/// </summary>
public sealed class BrowserAppFixture : IAsyncLifetime
{
    // Import and the first training of ml-latest-small: about 20 s on an idle machine, but over 60 s
    // with the larger ranking model and several builds sharing two cores, and 157 s of training
    // alone (with the held-out NDCG of the model history) at a load average of 60.
    private static readonly TimeSpan StartupPatience = TimeSpan.FromSeconds(360);

    // The same patience for every retrying Expect(...) (Playwright's own default is 5 s): a rating
    // saved, picks folded in and fetched again, a page reloaded by its script.
    private const float ActionPatienceMs = 30_000;

    static BrowserAppFixture() => Assertions.SetDefaultExpectTimeout(ActionPatienceMs);

    private string? dataFolder;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private ServerProcess? server;
    private Dictionary<string, string?> environment = [];
    private readonly SemaphoreSlim adminSetUp = new(1, 1);
    private string? adminName;
    private readonly HashSet<int> datasetUsersWithPasswords = [];

    public ServerProcess Server => server ?? throw new InvalidOperationException("the server has not started");

    /// <summary>The server's data folder (its store, model file and model history).</summary>
    public string DataFolder => dataFolder ?? throw new InvalidOperationException("the server has not started");

    public async Task InitializeAsync()
    {
        if (!InstalledChromium.IsInstalled)
        {
            // Every test is skipped then (BrowserFact), unless CI requires the browser.
            if (InstalledChromium.IsRequired)
                throw new InvalidOperationException($"CI=true but {InstalledChromium.ExecutablePath} is missing: .ci/run installs it with apt-get install chromium.");
            return;
        }

        dataFolder = Directory.CreateTempSubdirectory("movierec-browser-").FullName;
        server = ServerProcess.Start(environment = new Dictionary<string, string?>
        {
            ["Storage__Provider"] = "sqlite",
            ["Storage__SqlitePath"] = Path.Combine(dataFolder, "movierec.db"),
            ["Model__Path"] = Path.Combine(dataFolder, "model.bin"),
            ["Data__DatasetPath"] = TestPaths.MlLatestSmall,
            // The journeys register several people from one address.
            ["SignInLimits__RegistrationsPerAddressPerHour"] = "1000",
            // Shown on the retraining page; Sundays at 02:30 UTC, never while a test run is likely.
            ["Retrain__Schedule"] = "30 2 * * 0",
        }, workingDirectory: dataFolder);

        // Chromium starts while the server imports and trains.
        var launch = LaunchBrowserAsync();
        await server.WaitUntilAsync("/health", (_, body) => body.Contains("\"loaded\":true", StringComparison.Ordinal), StartupPatience);
        browser = await launch;
    }

    /// <summary>A fresh context (no cookies) with the server as base URL; desktop size unless told.</summary>
    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 800, bool javaScriptEnabled = true)
    {
        if (browser is null) throw new InvalidOperationException("the browser has not started");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScriptEnabled,
        });
        // Actions, navigations and load waits: a page that folds in a heavy rater's picks on two
        // loaded cores (other test assemblies, other builds) can take well over Playwright's usual
        // seconds; a passing test never waits this out.
        context.SetDefaultTimeout(ActionPatienceMs);
        return context;
    }

    /// <summary>A new page in a new context that fails the test on any script error in the page.</summary>
    public async Task<BrowserSession> NewSessionAsync(int width = 1280, int height = 800, bool javaScriptEnabled = true) =>
        await BrowserSession.OpenAsync(await NewContextAsync(width, height, javaScriptEnabled));

    /// <summary>
    /// A session logged in as an administrator: dataset user 1 gets a password and the admin role
    /// from the app's own commands (users set-password, users grant-admin), as an operator would.
    /// </summary>
    public async Task<BrowserSession> AdminSessionAsync(int width = 1280, int height = 800)
    {
        await adminSetUp.WaitAsync();
        try
        {
            if (adminName is null)
            {
                string name = MovieRec.Core.Storage.ImportedUser.FromDataset(1).Username;
                await RunCommandAsync(PageActions.Password + "\n", "users", "set-password", name);
                await RunCommandAsync(null, "users", "grant-admin", name);
                adminName = name;
            }
        }
        finally { adminSetUp.Release(); }
        var session = await NewSessionAsync(width, height);
        await session.Page.LogInAsync(adminName);
        return session;
    }

    /// <summary>
    /// A session logged in as dataset user <paramref name="datasetUserId"/> (movielens-N), given a
    /// password by `users set-password` the first time: a person with that user's real ratings.
    /// </summary>
    public async Task<BrowserSession> DatasetUserSessionAsync(int datasetUserId, int width = 1280, int height = 800)
    {
        string name = MovieRec.Core.Storage.ImportedUser.FromDataset(datasetUserId).Username;
        await adminSetUp.WaitAsync();
        try
        {
            if (datasetUsersWithPasswords.Add(datasetUserId))
                await RunCommandAsync(PageActions.Password + "\n", "users", "set-password", name);
        }
        finally { adminSetUp.Release(); }
        var session = await NewSessionAsync(width, height);
        await session.Page.LogInAsync(name);
        return session;
    }

    /// <summary>
    /// Waits until the server serves the model file now at Model:Path. After a retrain wrote a new
    /// file, the reloader (a file watcher, with a periodic check behind it) swaps it in on its own a
    /// moment later; a test that compares picks over time must not have the model change under it.
    /// </summary>
    public Task WaitUntilServingTheModelFileAsync() =>
        Server.WaitUntilAsync("/health", (_, body) =>
        {
            string onDisk = MovieRec.Core.Engine.ModelFile.ReadInfo(Path.Combine(DataFolder, "model.bin")).Checksum;
            using var health = System.Text.Json.JsonDocument.Parse(body);
            return health.RootElement.GetProperty("model").GetProperty("checksum").GetString() == onDisk;
        }, StartupPatience);

    /// <summary>Runs `import --dataset FOLDER` against the server's store (extra movies for a test).</summary>
    public Task ImportAsync(string folder) => RunCommandAsync(null, "import", "--dataset", folder);

    /// <summary>Runs a MovieRec command against the server's store and fails with its output unless it exits with 0.</summary>
    private async Task RunCommandAsync(string? input, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = dataFolder!,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MovieRec.Web.dll"));
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = System.Diagnostics.Process.Start(start)!;
        if (input is not null) await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        // A whole .NET process start on loaded cores: a generous bound, for a command that hangs.
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        Assert.True(process.ExitCode == 0, $"{string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await errors}");
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        if (server is not null) await server.DisposeAsync();
        if (dataFolder is not null)
        {
            try { Directory.Delete(dataFolder, recursive: true); }
            catch (IOException) { /* the OS cleans its temp folder */ }
        }
    }

    private async Task<IBrowser> LaunchBrowserAsync()
    {
        playwright = await Playwright.CreateAsync();
        return await InstalledChromium.LaunchAsync(playwright);
    }
}
