using System.IO.Compression;

namespace MovieRec.Web.FirstRun;

/// <summary>
/// Fetches ml-latest-small from GroupLens over HTTPS, checks that the archive holds the files an
/// import needs, and unpacks only those into the dataset folder. Unpacking goes through a sibling
/// temporary folder renamed into place, so an interrupted download never leaves a half dataset
/// that the next start would take for a whole one.
/// </summary>
public sealed class DatasetDownloader(IHttpClientFactory httpClients, ILogger<DatasetDownloader> logger)
{
    public const string HttpClientName = "dataset-download";
    public static readonly Uri DatasetUrl = new("https://files.grouplens.org/datasets/movielens/ml-latest-small.zip");

    /// <summary>The folder inside the archive and the files expected in it.</summary>
    public const string ArchiveFolder = "ml-latest-small";
    public static readonly IReadOnlyList<string> ExpectedFiles = ["movies.csv", "ratings.csv", "tags.csv", "links.csv"];

    /// <summary>More than the real archive (about 1 MB) by far, but a bound on what a wrong server could make us write.</summary>
    public const long MaxArchiveBytes = 64L * 1024 * 1024;

    public async Task DownloadAsync(string datasetFolder, CancellationToken cancellationToken)
    {
        string target = Path.GetFullPath(datasetFolder);
        logger.LogInformation("Downloading {Url} into {Folder}", DatasetUrl, target);
        byte[] archive = await FetchAsync(cancellationToken);
        string staging = target + ".download-" + Guid.NewGuid().ToString("N");
        try
        {
            Unpack(archive, staging);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            Directory.Move(staging, target);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
        logger.LogInformation("Unpacked {Files} into {Folder}", string.Join(", ", ExpectedFiles), target);
    }

    private async Task<byte[]> FetchAsync(CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(HttpClientName);
        try
        {
            using var response = await client.GetAsync(DatasetUrl, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw Failure($"the server answered {(int)response.StatusCode} {response.ReasonPhrase}");
            if (response.Content.Headers.ContentLength > MaxArchiveBytes)
                throw Failure($"the archive is {response.Content.Headers.ContentLength} bytes, more than the {MaxArchiveBytes} allowed");
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxArchiveBytes)
                    throw Failure($"the archive is larger than the {MaxArchiveBytes} bytes allowed");
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
        catch (HttpRequestException error)
        {
            throw Failure($"it could not be fetched ({error.Message}); there may be no network", error);
        }
        catch (TaskCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw Failure("the download timed out; there may be no network", error);
        }
    }

    /// <summary>Checks the archive's contents, then writes the expected files (and nothing else) into <paramref name="folder"/>.</summary>
    internal static void Unpack(byte[] archive, string folder)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(archive), ZipArchiveMode.Read);
        }
        catch (InvalidDataException error)
        {
            throw Failure("the download is not a zip archive", error);
        }
        using (zip)
        {
            var entries = ExpectedFiles.ToDictionary(name => name, name => zip.GetEntry($"{ArchiveFolder}/{name}"));
            var missing = entries.Where(pair => pair.Value is null).Select(pair => $"{ArchiveFolder}/{pair.Key}").ToList();
            if (missing.Count > 0)
                throw Failure($"the archive lacks {string.Join(", ", missing)}");

            Directory.CreateDirectory(folder);
            foreach (var (name, entry) in entries)
            {
                // Names come from our own list, never from the archive, so no entry can write outside the folder.
                if (entry!.Length > MaxArchiveBytes * 8)
                    throw Failure($"{entry.FullName} claims {entry.Length} bytes unpacked, too many for this dataset");
                entry.ExtractToFile(Path.Combine(folder, name), overwrite: true);
            }
        }
    }

    private static FirstRunException Failure(string reason, Exception? inner = null) => new(
        $"The MovieLens dataset could not be downloaded from {DatasetUrl}: {reason}. " +
        $"Download and unpack it yourself and point the setting Data:DatasetPath at the ml-latest-small folder " +
        "(appsettings.json, or the environment variable Data__DatasetPath).", inner);
}
