using MovieRec.Tests.Browser;

namespace MovieRec.Tests.Hosting;

/// <summary>A bad setting stops the web app before it opens the store or listens, and the message names the key.</summary>
[Collection(nameof(AppProcess))]
public sealed class StartupSettingsTests
{
    [Theory]
    [InlineData("Model__PollSeconds", "0", "Model:PollSeconds")]
    [InlineData("Storage__Provider", "oracle", "Storage:Provider")]
    [InlineData("Model__PollSeconds", "soon", "Model:PollSeconds")]
    [InlineData("Model__Experiment__Candidate", "model_v2", "Model:Experiment:Candidate")]
    [InlineData("Model__Keep", "0", "Model:Keep")]
    [InlineData("Model__History", "s3", "Model:History")]
    public async Task The_web_app_refuses_to_start_naming_the_bad_key(string variable, string value, string key)
    {
        await using var app = AppProcess.Start(ServerProcess.AddressConvention.UrlsArgument, new Dictionary<string, string?> { [variable] = value });
        int exit = await app.Server.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(2, exit);
        Assert.Contains(key, app.Server.Output);
        Assert.DoesNotContain("listening on", app.Server.Output);
    }

    /// <summary>An experiment whose candidate is not in the history would serve everyone the active model and count nothing.</summary>
    [Fact]
    public async Task An_experiment_naming_a_version_the_history_lacks_is_refused_at_start_naming_the_key()
    {
        await using var app = AppProcess.Start(ServerProcess.AddressConvention.UrlsArgument, new Dictionary<string, string?>
        {
            ["Model__Experiment__Candidate"] = "20261201-000000-0000abcd",
        });
        int exit = await app.Server.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(2, exit);
        Assert.Contains("Model:Experiment:Candidate names version 20261201-000000-0000abcd, which is not in folder", app.Server.Output);
        Assert.DoesNotContain("listening on", app.Server.Output);
    }
}
