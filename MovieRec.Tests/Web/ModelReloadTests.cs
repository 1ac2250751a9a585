using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MovieRec.Core.Engine;
using MovieRec.Web.Models;
using MovieRec.Tests.Helpers;

namespace MovieRec.Tests.Web;

/// <summary>
/// The served model follows the file: a new file is swapped in, a broken one is refused while the
/// old model goes on answering. Each test has its own app, since each changes the model.
/// </summary>
public sealed class ModelReloadTests : IDisposable
{
    private readonly MovieRecAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<string?> ServedChecksumAsync(HttpClient client)
    {
        var health = JsonDocument.Parse(await client.GetStringAsync("/health")).RootElement;
        return health.GetProperty("model").GetProperty("checksum").GetString();
    }

    private async Task<string> WaitForFirstModelAsync(HttpClient client)
    {
        string? checksum = null;
        await Eventually.HoldsAsync(async () => (checksum = await ServedChecksumAsync(client)) is not null, "the model file present at startup is loaded");
        return checksum!;
    }

    [Fact]
    public async Task Admin_reload_swaps_in_a_new_model_file()
    {
        var admin = await _app.AdminBrowserAsync();
        string before = await WaitForFirstModelAsync(admin);
        var holder = _app.Services.GetRequiredService<ModelHolder>();
        var oldModel = holder.Current!;

        ModelFile.Write(TinyMovieLens.TrainModel(seed: 7), _app.ModelPath);
        string expected = ModelFile.ReadInfo(_app.ModelPath).Checksum;
        var response = await admin.SendWithTokenAsync(HttpMethod.Post, "/api/admin/reload");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcome = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(outcome.GetProperty("succeeded").GetBoolean());
        Assert.Equal(expected, outcome.GetProperty("checksum").GetString());

        Assert.NotEqual(before, expected);
        Assert.Equal(expected, await ServedChecksumAsync(admin));
        // The old snapshot is untouched: a request that still holds it finishes on a whole model.
        Assert.NotSame(oldModel, holder.Current);
        Assert.Equal(before, oldModel.File.Checksum);
    }

    [Fact]
    public async Task The_model_page_shows_the_served_held_out_RMSE_and_labels_an_older_files_factor_figure()
    {
        var admin = await _app.AdminBrowserAsync();
        await WaitForFirstModelAsync(admin);
        var facts = ModelFile.ReadInfo(_app.ModelPath).Facts;
        Assert.NotEqual(facts.HeldOutRmse, facts.ServedHeldOutRmse);

        string html = await admin.GetStringAsync("/Model");
        Assert.Contains($"data-field=\"held-out-rmse\">{facts.ServedHeldOutRmse!.Value:0.0000} (as people are shown it", html);

        // A file written before the served figure existed: its factor-model figure, said to be so.
        var older = TinyMovieLens.TrainModel(seed: 8);
        older = older with { Facts = older.Facts with { ServedHeldOutRmse = null } };
        ModelFile.Write(older, _app.ModelPath);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendWithTokenAsync(HttpMethod.Post, "/api/admin/reload")).StatusCode);

        html = await admin.GetStringAsync("/Model");
        Assert.Contains($"data-field=\"held-out-rmse\">{older.Facts.HeldOutRmse!.Value:0.0000} (factor model alone", html);
    }

    [Fact]
    public async Task A_corrupt_model_file_is_refused_and_the_old_model_keeps_serving()
    {
        var admin = await _app.AdminBrowserAsync();
        string before = await WaitForFirstModelAsync(admin);
        await admin.RateAsync(1, 5.0);

        byte[] bytes = File.ReadAllBytes(_app.ModelPath);
        bytes[bytes.Length / 2] ^= 0xFF; // damage an array: only the checksum can tell
        File.WriteAllBytes(_app.ModelPath, bytes);

        var response = await admin.SendWithTokenAsync(HttpMethod.Post, "/api/admin/reload");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("ChecksumMismatch", await response.Content.ReadAsStringAsync());

        Assert.Equal(before, await ServedChecksumAsync(admin));
        var picks = JsonDocument.Parse(await admin.GetStringAsync("/api/recommendations?n=3")).RootElement;
        Assert.Equal("personal", picks.GetProperty("kind").GetString());
        Assert.Contains("Refused", await admin.GetStringAsync("/Model"));

        File.WriteAllText(_app.ModelPath, "not a model at all");
        Assert.Equal(HttpStatusCode.Conflict, (await admin.SendWithTokenAsync(HttpMethod.Post, "/api/admin/reload")).StatusCode);
        Assert.Equal(before, await ServedChecksumAsync(admin));
    }

    /// <summary>Such a file used to load, then /, /api/recommendations and /Model answered 500.</summary>
    [Fact]
    public async Task A_model_file_with_a_NaN_lambda_is_refused_naming_it_and_every_page_keeps_answering()
    {
        var admin = await _app.AdminBrowserAsync();
        string before = await WaitForFirstModelAsync(admin);
        await admin.RateAsync(1, 5.0);

        ModelFile.Write(TinyMovieLens.TrainModel(seed: 7), _app.ModelPath);
        Engine.ModelFileTestData.RewriteHeaderOptions(_app.ModelPath, options => options["lambda"] = "NaN");
        var response = await admin.SendWithTokenAsync(HttpMethod.Post, "/api/admin/reload");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("lambda must be a positive number", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await ServedChecksumAsync(admin));
        foreach (string page in new[] { "/", "/api/recommendations", "/Model" })
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task A_new_file_is_noticed_without_being_asked()
    {
        var client = _app.CreateBrowser();
        string before = await WaitForFirstModelAsync(client);

        ModelFile.Write(TinyMovieLens.TrainModel(seed: 99), _app.ModelPath);
        string expected = ModelFile.ReadInfo(_app.ModelPath).Checksum;
        // The watcher reacts within a fraction of a second; the periodic check (1 s here) is the fallback.
        await Eventually.HoldsAsync(async () => await ServedChecksumAsync(client) == expected, "the new model file is served");
        Assert.NotEqual(before, expected);
        Assert.Equal(expected, await ServedChecksumAsync(client));
    }
}
