using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using MovieRec.Web.Configuration;
using MovieRec.Web.Models;

namespace MovieRec.Web.Caching;

/// <summary>What a cached entry was computed from, so that it is dropped when that changes.</summary>
[Flags]
public enum CacheDependency
{
    None = 0,
    /// <summary>The model being served: dropped at every model swap.</summary>
    Model = 1,
    /// <summary>The movie records: dropped when this process imports movies.</summary>
    Catalogue = 2,
}

/// <summary>
/// The web app's one in-memory cache: bounded (Cache:SizeLimit entries, a movie record or a list
/// each), every entry expiring, and entries that depend on the model or the catalogue evicted as
/// soon as either changes. A private MemoryCache rather than the shared IMemoryCache, so that its
/// size limit binds no one else. Ratings and live statistics are never cached.
/// </summary>
public sealed class MovieRecCache : IDisposable
{
    private readonly MemoryCache _cache;
    private readonly ModelHolder _holder;
    private CancellationTokenSource _model = new();
    private CancellationTokenSource _catalogue = new();

    public MovieRecCache(IOptions<CacheOptions> options, ModelHolder holder, TimeProvider clock)
    {
        Options = options.Value;
#pragma warning disable CS0618 // MemoryCacheOptions.Clock still takes ISystemClock; it is how tests move time.
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Options.SizeLimit, Clock = new TimeProviderClock(clock) });
#pragma warning restore CS0618
        _holder = holder;
        _holder.Swapped += ModelChanged;
    }

    public CacheOptions Options { get; }

    public bool TryGet<T>(object key, out T value) => _cache.TryGetValue(key, out value!);

    public void Set<T>(object key, T value, TimeSpan freshFor, CacheDependency dependsOn) => Set(key, value, freshFor, Tokens(dependsOn));

    /// <summary>
    /// The cached value, or <paramref name="create"/>'s, which is then kept. The model and catalogue
    /// tokens are taken before computing, so a value computed from a model swapped out meanwhile is
    /// dropped at once instead of outliving the swap. Two callers may both create at expiry; each result is complete.
    /// </summary>
    public async Task<T> GetOrCreateAsync<T>(object key, TimeSpan freshFor, CacheDependency dependsOn, Func<Task<T>> create)
    {
        if (TryGet(key, out T value)) return value;
        var tokens = Tokens(dependsOn);
        value = await create();
        Set(key, value, freshFor, tokens);
        return value;
    }

    private void Set<T>(object key, T value, TimeSpan freshFor, IEnumerable<IChangeToken> tokens)
    {
        var entry = new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = freshFor };
        foreach (var token in tokens) entry.ExpirationTokens.Add(token);
        _cache.Set(key, value, entry);
    }

    private List<IChangeToken> Tokens(CacheDependency dependsOn)
    {
        var tokens = new List<IChangeToken>(2);
        if (dependsOn.HasFlag(CacheDependency.Model)) tokens.Add(new CancellationChangeToken(_model.Token));
        if (dependsOn.HasFlag(CacheDependency.Catalogue)) tokens.Add(new CancellationChangeToken(_catalogue.Token));
        return tokens;
    }

    /// <summary>Entries currently held (expired ones go at the next access or compaction).</summary>
    public long Count => _cache.Count;

    /// <summary>Drops what was computed from the movie records (an import in this process).</summary>
    public void CatalogueChanged() => Renew(ref _catalogue);

    private void ModelChanged(ActiveModel model) => Renew(ref _model);

    private static void Renew(ref CancellationTokenSource source)
    {
        // Not disposed: a request may still hold its token to register an entry, which then expires at once.
        Interlocked.Exchange(ref source, new CancellationTokenSource()).Cancel();
    }

    public void Dispose()
    {
        _holder.Swapped -= ModelChanged;
        _cache.Dispose();
        _model.Dispose();
        _catalogue.Dispose();
    }
}
