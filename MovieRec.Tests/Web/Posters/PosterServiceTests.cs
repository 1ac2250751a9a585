using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MovieRec.Core.Catalog;
using MovieRec.Tests.Helpers;
using MovieRec.Tests.Storage;
using MovieRec.Web.Configuration;
using MovieRec.Web.Posters;

namespace MovieRec.Tests.Web.Posters;

/// <summary>Posters from TMDb against a stub handler: fetched once and kept on disk, failures fall back at once and are logged once.</summary>
public sealed class PosterServiceTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly StubTmdb _tmdb = new();
    private readonly ManualClock _clock = new();
    private readonly CapturingLogger<PosterService> _log = new();

    private static readonly Movie Matrix = new(2571, "Matrix, The (1999)", 1999, ["Action", "Sci-Fi"]) { TmdbId = 603 };
    private static readonly Movie Heat = new(6, "Heat (1995)", 1995, ["Action", "Crime"]) { TmdbId = 949 };

    public void Dispose() => _folder.Dispose();

    private TmdbOptions Options(string? key = "0123456789abcdef0123456789abcdef", int cacheMegabytes = 200) => new()
    {
        ApiKey = key, ApiBaseUrl = "https://api.example.test/3/", CachePath = Path.Combine(_folder.Path, "posters"),
        CacheMegabytes = cacheMegabytes, TimeoutSeconds = 1, RetryAfterSeconds = 300,
    };

    private PosterService Service(TmdbOptions options)
    {
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        return new PosterService(wrapped, _tmdb, new PosterDiskCache(wrapped, _clock, NullLogger<PosterDiskCache>.Instance), _clock, _log);
    }

    [Fact]
    public async Task Without_a_key_every_movie_gets_the_generated_poster_and_tmdb_is_never_asked()
    {
        var poster = await Service(Options(key: null)).GetAsync(Matrix, CancellationToken.None);

        Assert.True(poster.IsGenerated);
        Assert.Equal("image/svg+xml", poster.ContentType);
        Assert.Contains(">Matrix, The<", poster.Svg);
        Assert.Empty(_tmdb.Requests);
    }

    [Fact]
    public async Task A_poster_is_fetched_once_kept_on_disk_and_the_configuration_asked_once()
    {
        _tmdb.PosterPaths[603] = "/matrix.jpg";
        _tmdb.PosterPaths[949] = "/heat.jpg";
        var service = Service(Options());

        var first = await service.GetAsync(Matrix, CancellationToken.None);
        var again = await service.GetAsync(Matrix, CancellationToken.None);
        var other = await service.GetAsync(Heat, CancellationToken.None);

        Assert.Equal(_tmdb.Image, first.Bytes);
        Assert.Equal("image/jpeg", first.ContentType);
        Assert.NotNull(again.FilePath);
        Assert.Equal(_tmdb.Image, await File.ReadAllBytesAsync(again.FilePath!));
        Assert.Equal(_tmdb.Image, other.Bytes);
        Assert.Equal(1, _tmdb.CountOf("/configuration"));
        Assert.Equal(1, _tmdb.CountOf("/movie/603"));
        Assert.Contains(_tmdb.Requests, r => r.RequestUri!.ToString() == StubTmdb.ImageBase + "w342/matrix.jpg");
        // A v3 key rides in the query, never in a header.
        Assert.Contains("api_key=0123456789abcdef0123456789abcdef", _tmdb.Requests[0].RequestUri!.Query);
        Assert.Equal(0, _log.Count(LogLevel.Warning));
    }

    [Fact]
    public async Task A_read_access_token_is_sent_as_a_bearer_header_not_in_the_address()
    {
        _tmdb.PosterPaths[603] = "/matrix.jpg";
        const string token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl";

        await Service(Options(key: token)).GetAsync(Matrix, CancellationToken.None);

        var configuration = _tmdb.Requests.First(r => r.RequestUri!.AbsolutePath.EndsWith("/configuration", StringComparison.Ordinal));
        Assert.Equal("Bearer", configuration.Headers.Authorization?.Scheme);
        Assert.Equal(token, configuration.Headers.Authorization?.Parameter);
        Assert.DoesNotContain("api_key", configuration.RequestUri!.Query);
    }

    [Fact]
    public async Task A_failing_tmdb_gives_generated_posters_at_once_is_logged_once_and_left_alone_for_a_while()
    {
        _tmdb.PosterPaths[603] = "/matrix.jpg";
        _tmdb.Failure = (_, _) => throw new HttpRequestException("connection refused");
        var service = Service(Options());

        for (int i = 0; i < 3; i++)
            Assert.True((await service.GetAsync(i == 1 ? Heat : Matrix, CancellationToken.None)).IsGenerated);

        Assert.Single(_tmdb.Requests);
        Assert.Equal(1, _log.Count(LogLevel.Warning));
        Assert.Contains("connection refused", _log.Entries.Single(e => e.Level == LogLevel.Warning).Message);
        Assert.DoesNotContain("0123456789abcdef", string.Join("\n", _log.Entries.Select(e => e.Message)));

        // After the pause TMDb is asked again; a success is logged as the recovery.
        _clock.Advance(TimeSpan.FromSeconds(301));
        _tmdb.Failure = null;
        Assert.False((await service.GetAsync(Matrix, CancellationToken.None)).IsGenerated);
        Assert.Equal(1, _log.Count(LogLevel.Warning));
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("available again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tmdb_that_does_not_answer_in_time_gives_the_generated_poster()
    {
        _tmdb.Failure = async (_, cancellation) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), cancellation);
            return new HttpResponseMessage(HttpStatusCode.OK);
        };
        var poster = await Service(Options()).GetAsync(Matrix, CancellationToken.None);

        Assert.True(poster.IsGenerated);
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("within 1 s", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(401, "refused the key")]
    [InlineData(500, "answered 500")]
    public async Task Error_statuses_fall_back_and_say_why(int status, string said)
    {
        _tmdb.Failure = (_, _) => Task.FromResult(new HttpResponseMessage((HttpStatusCode)status));

        Assert.True((await Service(Options()).GetAsync(Matrix, CancellationToken.None)).IsGenerated);
        Assert.Contains(said, _log.Entries.Single(e => e.Level == LogLevel.Warning).Message);
    }

    [Fact]
    public async Task A_movie_tmdb_has_no_poster_for_is_generated_without_a_warning_and_not_asked_again_today()
    {
        _tmdb.PosterPaths[603] = null;
        var service = Service(Options());

        Assert.True((await service.GetAsync(Matrix, CancellationToken.None)).IsGenerated);
        Assert.True((await service.GetAsync(Matrix, CancellationToken.None)).IsGenerated);
        Assert.True((await service.GetAsync(Heat, CancellationToken.None)).IsGenerated); // 404 at TMDb

        Assert.Equal(1, _tmdb.CountOf("/movie/603"));
        Assert.Equal(0, _log.Count(LogLevel.Warning));
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("image/svg+xml")]
    public async Task Something_other_than_a_picture_is_not_kept_or_served(string type)
    {
        _tmdb.PosterPaths[603] = "/matrix.jpg";
        _tmdb.ImageType = type;
        var options = Options();

        Assert.True((await Service(options).GetAsync(Matrix, CancellationToken.None)).IsGenerated);
        Assert.False(Directory.Exists(options.CachePath) && Directory.EnumerateFiles(options.CachePath).Any());
    }

    [Fact]
    public async Task A_poster_path_that_is_not_a_file_name_is_not_followed()
    {
        _tmdb.PosterPaths[603] = "/../../etc/passwd";

        Assert.True((await Service(Options()).GetAsync(Matrix, CancellationToken.None)).IsGenerated);
        Assert.DoesNotContain(_tmdb.Requests, r => r.RequestUri!.Host == "image.example.test");
    }

    [Fact]
    public void The_disk_cache_stays_under_its_limit_removing_the_least_recently_served_first()
    {
        var options = Microsoft.Extensions.Options.Options.Create(Options(cacheMegabytes: 1));
        var cache = new PosterDiskCache(options, _clock, NullLogger<PosterDiskCache>.Instance);
        var picture = new byte[400 * 1024];

        cache.Store(1, picture, "image/jpeg");
        _clock.Advance(TimeSpan.FromMinutes(1));
        cache.Store(2, picture, "image/jpeg");
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.NotNull(cache.Find(1)); // served again: now the most recent
        _clock.Advance(TimeSpan.FromMinutes(1));
        cache.Store(3, picture, "image/png");

        Assert.NotNull(cache.Find(1));
        Assert.Null(cache.Find(2));
        Assert.Equal("image/png", cache.Find(3)?.ContentType);
        long total = Directory.EnumerateFiles(options.Value.CachePath).Sum(f => new FileInfo(f).Length);
        Assert.True(total <= cache.LimitBytes, $"{total} bytes kept");
        Assert.Empty(Directory.EnumerateFiles(options.Value.CachePath, "*.part"));
    }
}
