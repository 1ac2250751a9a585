using System.Globalization;
using Microsoft.Extensions.Options;
using MovieRec.Web.Configuration;

namespace MovieRec.Web.Posters;

/// <summary>
/// Downloaded posters on disk (Tmdb:CachePath), one file per TMDb id and size, so each picture is
/// fetched once. The folder is kept under Tmdb:CacheMegabytes: after a write pushes it over,
/// the files served least recently (last-write time, touched on every hit) are removed until it
/// is back under 90 % of the limit. Files are written to a temporary name and moved into place, so
/// a reader never sees half a picture.
/// </summary>
public sealed class PosterDiskCache(IOptions<TmdbOptions> options, TimeProvider time, ILogger<PosterDiskCache> logger)
{
    private readonly TmdbOptions _options = options.Value;
    private readonly Lock _trimming = new();

    public long LimitBytes => (long)_options.CacheMegabytes * 1024 * 1024;

    private string Folder => Path.GetFullPath(_options.CachePath);

    private string FileOf(int tmdbId, string extension) =>
        Path.Combine(Folder, string.Create(CultureInfo.InvariantCulture, $"tmdb-{tmdbId}-{_options.PosterSize}.{extension}"));

    /// <summary>The cached picture of the movie, or null; a hit counts as a use for the size limit.</summary>
    public (string Path, string ContentType)? Find(int tmdbId)
    {
        foreach (var (extension, contentType) in Types)
        {
            string path = FileOf(tmdbId, extension);
            if (!File.Exists(path)) continue;
            try
            {
                File.SetLastWriteTimeUtc(path, time.GetUtcNow().UtcDateTime);
            }
            catch (IOException)
            {
                // Removed by a trim at this moment, or read-only: the hit still counts.
            }
            return (path, contentType);
        }
        return null;
    }

    public void Store(int tmdbId, byte[] bytes, string contentType)
    {
        string extension = Types.First(t => t.ContentType == contentType).Extension;
        Directory.CreateDirectory(Folder);
        string target = FileOf(tmdbId, extension);
        string temporary = target + "." + Guid.NewGuid().ToString("N") + ".part";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, target, overwrite: true);
        // Ages are the app's clock, as Find touches them, not the file system's.
        File.SetLastWriteTimeUtc(target, time.GetUtcNow().UtcDateTime);
        Trim();
    }

    /// <summary>Removes the least recently used posters while the folder is over the limit.</summary>
    public void Trim()
    {
        lock (_trimming)
        {
            var files = new DirectoryInfo(Folder).Exists
                ? new DirectoryInfo(Folder).GetFiles("tmdb-*").OrderBy(f => f.LastWriteTimeUtc).ToList()
                : [];
            long total = files.Sum(f => f.Length);
            if (total <= LimitBytes) return;
            long target = LimitBytes / 10 * 9;
            int removed = 0;
            foreach (var file in files)
            {
                if (total <= target) break;
                long length = file.Length; // read first: a deleted FileInfo no longer has one
                try
                {
                    file.Delete();
                    total -= length;
                    removed++;
                }
                catch (IOException error)
                {
                    logger.LogDebug(error, "Could not remove the cached poster {File}", file.Name);
                }
            }
            logger.LogInformation("Poster cache over {Megabytes} MB: removed the {Count} least recently served", _options.CacheMegabytes, removed);
        }
    }

    public static IReadOnlyList<(string Extension, string ContentType)> Types { get; } =
        [("jpg", "image/jpeg"), ("png", "image/png"), ("webp", "image/webp")];
}
