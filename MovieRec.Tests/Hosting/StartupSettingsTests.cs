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
    public async Task The_web_app_refuses_to_start_naming_the_bad_key(string variable, string value, string key)
    {
        await using var app = AppProcess.Start(ServerProcess.AddressConvention.UrlsArgument, new Dictionary<string, string?> { [variable] = value });
        int exit = await app.Server.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(2, exit);
        Assert.Contains(key, app.Server.Output);
        Assert.DoesNotContain("listening on", app.Server.Output);
    }
}
