using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MovieRec.Web.Caching;
using MovieRec.Web.Configuration;
using MovieRec.Web.Metrics;
using MovieRec.Web.Models;
using MovieRec.Web.Models.Experiments;
using MovieRec.Web.People;

namespace MovieRec.Tests.Web;

/// <summary>The web app's shared services built by hand, for tests of one class without the whole app.</summary>
public static class WebParts
{
    public static MovieRecCache Cache(ModelHolder? holder = null, TimeProvider? clock = null) =>
        new(Options.Create(new CacheOptions()), holder ?? new ModelHolder(), clock ?? TimeProvider.System);

    /// <summary>A model holder serving <paramref name="model"/>, written to and read back from a file in <paramref name="folder"/> as the app loads it.</summary>
    public static ModelHolder Serving(MovieRec.Core.Engine.ModelSnapshot model, string folder)
    {
        string path = Path.Combine(folder, "model.bin");
        MovieRec.Core.Engine.ModelFile.Write(model, path);
        var loaded = MovieRec.Core.Engine.ModelFile.Read(path, out var info);
        var holder = new ModelHolder();
        holder.Activate(new ActiveModel(loaded, new MovieRec.Core.Engine.Scoring.Recommender(loaded), info, DateTimeOffset.UtcNow),
            new ReloadOutcome(DateTimeOffset.UtcNow, "test", true, "loaded", info.Checksum));
        return holder;
    }

    /// <summary>People's kept states over a store.</summary>
    public static PersonStates People(MovieRec.Core.Storage.IMovieRecStore store, TimeProvider? clock = null) =>
        new(store, Options.Create(new CacheOptions()), clock ?? TimeProvider.System);

    /// <summary>The experiment recorder over a store; it records nothing while the holder has no candidate.</summary>
    public static ExperimentRecorder Experiments(MovieRec.Core.Storage.IMovieRecStore store, ModelHolder holder) =>
        new(store, holder, Microsoft.Extensions.Logging.Abstractions.NullLogger<ExperimentRecorder>.Instance);

    public static MovieRecMetrics Metrics(ModelHolder? holder = null) =>
        new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>(), holder ?? new ModelHolder());
}
