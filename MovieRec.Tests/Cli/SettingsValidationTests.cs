using Microsoft.Extensions.Configuration;

namespace MovieRec.Tests.Cli;

/// <summary>
/// Commands run in the web app's host, so the same settings checks stop them: exit code 2, a message
/// naming the key, and nothing done (the store file is not even created).
/// </summary>
[Collection(nameof(ConsoleCapture))]
public sealed class SettingsValidationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("movierec-settings-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string DatabasePath => Path.Combine(_folder, "movierec.db");

    [Theory]
    [InlineData("Model:PollSeconds", "0", "Model:PollSeconds must be a whole number of seconds from 1 to 86400")]
    [InlineData("Model:PollSeconds", "soon", "Model:PollSeconds")]
    [InlineData("Model:Training:Lambda", "-1", "Model:Training: lambda must be a positive number")]
    [InlineData("Storage:Provider", "oracle", "Storage:Provider must be sqlite or mongo, not 'oracle'")]
    [InlineData("Storage:Provider", "mongo", "ConnectionStrings:Mongo must be set when Storage:Provider is mongo")]
    [InlineData("Storage:SqlitePath", "  ", "Storage:SqlitePath is empty")]
    [InlineData("Data:DatasetPath", "  ", "Data:DatasetPath is empty")]
    [InlineData("Cache:SizeLimit", "5", "Cache:SizeLimit must be from 100")]
    [InlineData("Metrics:Port", "70000", "Metrics:Port must be a TCP port")]
    [InlineData("Tmdb:ApiKey", "key with spaces&x=1", "Tmdb:ApiKey must be a TMDb API key")]
    [InlineData("Tmdb:TimeoutSeconds", "0", "Tmdb:TimeoutSeconds must be from 1 to 30")]
    [InlineData("Tmdb:CacheMegabytes", "0", "Tmdb:CacheMegabytes must be from 1")]
    [InlineData("Tmdb:ApiBaseUrl", "not a url", "Tmdb:ApiBaseUrl must be an absolute")]
    [InlineData("Tmdb:PosterSize", "huge", "Tmdb:PosterSize must be a TMDb poster size")]
    [InlineData("Retrain:Schedule", "every night", "Retrain:Schedule 'every night' is not a cron expression")]
    [InlineData("Retrain:Schedule", "0 2 * *", "Retrain:Schedule '0 2 * *' is not a cron expression")]
    [InlineData("Retrain:TimeZone", "Mars/Olympus", "Retrain:TimeZone 'Mars/Olympus' is not a time zone")]
    [InlineData("Retrain:AfterNewRatings", "-5", "Retrain:AfterNewRatings must be 0 (off) or a positive whole number")]
    [InlineData("Retrain:LeaseSeconds", "5", "Retrain:LeaseSeconds must be a whole number of seconds from 15")]
    [InlineData("Retrain:Threads", "0", "Retrain:Threads must be a whole number of threads from 1")]
    public void A_bad_setting_stops_a_command_before_it_runs_naming_the_key(string key, string value, string message)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "sqlite",
            ["Storage:SqlitePath"] = DatabasePath,
            ["ConnectionStrings:Mongo"] = "",
            [key] = value,
        }).Build();
        var (exit, _, error) = ConsoleCapture.RunWith(settings, "stats", "reconcile");
        Assert.Equal(2, exit);
        Assert.Contains(message, error);
        Assert.False(File.Exists(DatabasePath), "the store was opened despite the bad setting");
    }

    [Fact]
    public void Good_settings_let_the_same_command_run()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "sqlite",
            ["Storage:SqlitePath"] = DatabasePath,
        }).Build();
        var (exit, output, error) = ConsoleCapture.RunWith(settings, "stats", "reconcile");
        Assert.True(exit == 0, error);
        Assert.Contains("0 movies had statistics that disagreed", output);
    }
}
