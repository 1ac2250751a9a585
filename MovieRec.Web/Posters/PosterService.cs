using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using MovieRec.Core.Catalog;
using MovieRec.Web.Configuration;

namespace MovieRec.Web.Posters;

/// <summary>A poster to send: a cached file, downloaded bytes, or the generated SVG.</summary>
public sealed record PosterImage(string ContentType, string? FilePath = null, byte[]? Bytes = null, string? Svg = null)
{
    public bool IsGenerated => Svg is not null;
}

/// <summary>
/// Decides which poster a movie gets. With Tmdb:ApiKey set and a TMDb id: the cached picture, or
/// one fetched now within Tmdb:TimeoutSeconds for the whole fetch; otherwise, and whenever TMDb
/// fails, the generated SVG at once. A failure is logged as a warning once, not per request, and
/// TMDb is left alone for Tmdb:RetryAfterSeconds; the first success after it is logged too.
/// Movies TMDb has no poster for are remembered for a day. Pages never wait for any of this:
/// they link to the poster route, and the browser fetches the picture on its own.
/// </summary>
public sealed class PosterService(
    IOptions<TmdbOptions> options, IHttpClientFactory httpClients, PosterDiskCache cache, TimeProvider time, ILogger<PosterService> logger)
{
    private static readonly TimeSpan NoPosterMemory = TimeSpan.FromDays(1);

    private readonly TmdbOptions _options = options.Value;
    private readonly ConcurrentDictionary<int, DateTimeOffset> _noPosterSince = new();
    private readonly Lock _state = new();
    private string? _imageBase;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private bool _failing;

    public async Task<PosterImage> GetAsync(Movie movie, CancellationToken cancellationToken)
    {
        if (!_options.Enabled || movie.TmdbId is not { } tmdbId) return Generated(movie);
        if (cache.Find(tmdbId) is { } hit) return new PosterImage(hit.ContentType, FilePath: hit.Path);
        var now = time.GetUtcNow();
        if (now < _pausedUntil) return Generated(movie);
        if (_noPosterSince.TryGetValue(tmdbId, out var since) && now - since < NoPosterMemory) return Generated(movie);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        try
        {
            var client = new TmdbClient(httpClients.CreateClient(TmdbClient.HttpClientName), options);
            string imageBase = _imageBase ??= await client.ImageBaseAsync(timeout.Token);
            string? posterPath = await client.PosterPathAsync(tmdbId, timeout.Token);
            if (posterPath is null)
            {
                _noPosterSince[tmdbId] = now;
                Recovered();
                return Generated(movie);
            }
            var (bytes, contentType) = await client.DownloadAsync(imageBase, posterPath, timeout.Token);
            Recovered();
            Keep(tmdbId, bytes, contentType);
            return new PosterImage(contentType, Bytes: bytes);
        }
        catch (TmdbException error)
        {
            Failed(error.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Failed($"TMDb did not answer within {_options.TimeoutSeconds} s.");
        }
        return Generated(movie);
    }

    public static PosterImage Generated(Movie movie) => new("image/svg+xml", Svg: SvgPoster.Render(movie));

    private void Keep(int tmdbId, byte[] bytes, string contentType)
    {
        try
        {
            cache.Store(tmdbId, bytes, contentType);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // The picture is still served; only the next request has to fetch it again.
            logger.LogWarning(error, "Could not keep a poster in {Folder}", _options.CachePath);
        }
    }

    private void Failed(string reason)
    {
        bool first;
        lock (_state)
        {
            first = !_failing;
            _failing = true;
            _pausedUntil = time.GetUtcNow().AddSeconds(_options.RetryAfterSeconds);
        }
        if (first)
            logger.LogWarning("Posters from TMDb are unavailable: {Reason} Generated posters are shown; TMDb is asked again in {Seconds} s.", reason, _options.RetryAfterSeconds);
        else
            logger.LogDebug("TMDb still unavailable: {Reason}", reason);
    }

    private void Recovered()
    {
        bool was;
        lock (_state)
        {
            was = _failing;
            _failing = false;
        }
        if (was) logger.LogInformation("Posters from TMDb are available again.");
    }
}
