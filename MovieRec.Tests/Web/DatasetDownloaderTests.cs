using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using MovieRec.Core.Storage;
using Microsoft.Extensions.Options;
using MovieRec.Web.Caching;
using MovieRec.Web.Configuration;
using MovieRec.Web.FirstRun;
using MovieRec.Web.Models;

namespace MovieRec.Tests.Web;

/// <summary>The first-run download, against zips built here and served by a stub handler: the tests never touch the network.</summary>
public sealed class DatasetDownloaderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "movierec-download-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public List<Uri> Requested { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requested.Add(request.RequestUri!);
            return Task.FromResult(answer(request));
        }
    }

    private sealed class StubClients(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }

    private static DatasetDownloader Downloader(StubHandler handler) =>
        new(new StubClients(handler), NullLogger<DatasetDownloader>.Instance);

    private static StubHandler Serving(byte[] body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(_ => new HttpResponseMessage(status) { Content = new ByteArrayContent(body) });

    [Fact]
    public async Task Downloads_over_https_checks_and_unpacks_the_four_files()
    {
        var handler = Serving(TinyMovieLens.Zip());
        string target = Path.Combine(_folder, "ml-latest-small");
        await Downloader(handler).DownloadAsync(target, CancellationToken.None);

        Assert.Equal("https", Assert.Single(handler.Requested).Scheme);
        Assert.Equal(DatasetDownloader.DatasetUrl, handler.Requested[0]);
        foreach (string name in DatasetDownloader.ExpectedFiles)
            Assert.Equal(TinyMovieLens.Files()[name], File.ReadAllText(Path.Combine(target, name)));
        // Nothing is left behind but the dataset itself.
        Assert.Equal([target], Directory.GetDirectories(_folder));
    }

    [Fact]
    public async Task An_archive_without_an_expected_file_is_refused_and_nothing_is_left()
    {
        string target = Path.Combine(_folder, "ml-latest-small");
        var error = await Assert.ThrowsAsync<FirstRunException>(() =>
            Downloader(Serving(TinyMovieLens.Zip(leaveOut: "tags.csv"))).DownloadAsync(target, CancellationToken.None));
        Assert.Contains("ml-latest-small/tags.csv", error.Message);
        Assert.False(Directory.Exists(target));
        Assert.True(!Directory.Exists(_folder) || Directory.GetFileSystemEntries(_folder).Length == 0);
    }

    [Fact]
    public async Task Something_that_is_not_a_zip_is_refused()
    {
        var error = await Assert.ThrowsAsync<FirstRunException>(() =>
            Downloader(Serving("<html>maintenance</html>"u8.ToArray())).DownloadAsync(Path.Combine(_folder, "d"), CancellationToken.None));
        Assert.Contains("not a zip archive", error.Message);
    }

    [Fact]
    public async Task A_server_error_is_reported_with_its_status()
    {
        var error = await Assert.ThrowsAsync<FirstRunException>(() =>
            Downloader(Serving([], HttpStatusCode.NotFound)).DownloadAsync(Path.Combine(_folder, "d"), CancellationToken.None));
        Assert.Contains("404", error.Message);
    }

    [Fact]
    public async Task Without_a_network_first_run_stops_naming_the_setting_and_the_url()
    {
        var offline = new StubHandler(_ => throw new HttpRequestException("Name or service not known"));
        var data = Options.Create(new DataSettings { DatasetPath = Path.Combine(_folder, "missing-dataset") });
        await using var store = await MovieRecStoreFactory.OpenAsync(new StorageOptions { SqlitePath = Path.Combine(_folder, "store.db") });
        var setup = new FirstRunSetup(store, data, Downloader(offline), WebParts.Cache(), NullLogger<FirstRunSetup>.Instance);

        var error = await Assert.ThrowsAsync<FirstRunException>(() => setup.PrepareAsync());
        Assert.Contains("Data:DatasetPath", error.Message);
        Assert.Contains("https://files.grouplens.org/datasets/movielens/ml-latest-small.zip", error.Message);
        Assert.Contains("no network", error.Message);
        Assert.Equal(0, await store.Movies.CountAsync());
    }

    [Fact]
    public async Task First_run_downloads_when_the_dataset_folder_is_missing_and_imports_it()
    {
        var data = Options.Create(new DataSettings { DatasetPath = Path.Combine(_folder, "ml-latest-small") });
        await using var store = await MovieRecStoreFactory.OpenAsync(new StorageOptions { SqlitePath = Path.Combine(_folder, "store.db") });
        var setup = new FirstRunSetup(store, data, Downloader(Serving(TinyMovieLens.Zip())), WebParts.Cache(), NullLogger<FirstRunSetup>.Instance);

        await setup.PrepareAsync();
        Assert.Equal(TinyMovieLens.Movies.Length, await store.Movies.CountAsync());
        Assert.Equal(TinyMovieLens.Ratings().Count, await store.Ratings.CountAsync());
        Assert.Equal(["lasers"], (await store.Movies.GetAsync(1))!.Tags);
    }
}
