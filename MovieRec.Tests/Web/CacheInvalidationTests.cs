using System.Text.Json;
using Microsoft.Extensions.Options;
using MovieRec.Core.Engine;
using MovieRec.Web.Caching;
using MovieRec.Web.Configuration;
using MovieRec.Web.Models;

namespace MovieRec.Tests.Web;

/// <summary>Cached lists that depend on the model are dropped the moment another model is swapped in; the cache stays within its size.</summary>
public sealed class CacheInvalidationTests : IDisposable
{
    private readonly MovieRecAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Similar_movies_follow_a_model_swap_at_once()
    {
        var admin = await _app.AdminBrowserAsync();
        await admin.WaitForModelAsync();
        var before = JsonDocument.Parse(await admin.GetStringAsync("/api/movies/1/similar?n=3")).RootElement;
        Assert.Equal("ratings", before.GetProperty("basis").GetString());

        // A model that never saw movie 1: its neighbours can then only come from genres and tags.
        var ratings = TinyMovieLens.Ratings().Where(r => r.MovieId != 1).ToArray();
        ModelFile.Write(ModelTrainer.Train(ratings, TinyMovieLens.TinyOptions()), _app.ModelPath);
        var reload = await admin.SendWithTokenAsync(HttpMethod.Post, "/api/admin/reload");
        Assert.True(reload.IsSuccessStatusCode, await reload.Content.ReadAsStringAsync());

        // Well within Cache:SimilarSeconds (10 minutes): only the swap can have dropped the list.
        var after = JsonDocument.Parse(await admin.GetStringAsync("/api/movies/1/similar?n=3")).RootElement;
        Assert.Equal("content", after.GetProperty("basis").GetString());
    }

    [Fact]
    public void A_swap_drops_model_entries_and_keeps_the_others_and_the_size_limit_holds()
    {
        var holder = new ModelHolder();
        using var cache = new MovieRecCache(Options.Create(new CacheOptions { SizeLimit = 100 }), holder, TimeProvider.System);
        cache.Set("by the model", 1, TimeSpan.FromMinutes(10), CacheDependency.Model);
        cache.Set("by the catalogue", 2, TimeSpan.FromMinutes(10), CacheDependency.Catalogue);

        var model = ModelTrainer.Train(TinyMovieLens.Ratings().ToArray(), TinyMovieLens.TinyOptions());
        var info = ModelFile.ReadInfo(WriteTemporary(model));
        holder.Activate(new ActiveModel(model, new MovieRec.Core.Engine.Scoring.Recommender(model), info, DateTimeOffset.UtcNow),
            new ReloadOutcome(DateTimeOffset.UtcNow, "test", true, "loaded", info.Checksum));

        Assert.False(cache.TryGet("by the model", out int _));
        Assert.True(cache.TryGet("by the catalogue", out int kept));
        Assert.Equal(2, kept);
        cache.CatalogueChanged();
        Assert.False(cache.TryGet("by the catalogue", out int _));

        for (int n = 0; n < 150; n++) cache.Set(n, n, TimeSpan.FromMinutes(10), CacheDependency.None);
        Assert.InRange(cache.Count, 1, 100);
    }

    private string WriteTemporary(ModelSnapshot model)
    {
        string path = Path.Combine(_app.DataFolder, "other.bin");
        ModelFile.Write(model, path);
        return path;
    }
}
