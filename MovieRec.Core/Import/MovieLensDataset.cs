using MovieRec.Core.Text;
using MovieRec.Core.Catalog;
using MovieRec.Core.Ratings;

namespace MovieRec.Core.Import;

/// <summary>
/// A MovieLens download unpacked in a folder: ml-latest-small, ml-latest, ml-25m, ml-32m (CSV), ml-100k,
/// ml-1m or ml-10m. <see cref="Open"/> recognises which; the read methods stream the files as they are
/// enumerated, so even ml-32m's 877 MB of ratings are never held as text. Bad lines are handled as the
/// <see cref="ImportOptions"/> say and counted in <see cref="Report"/>, which every read adds to.
/// </summary>
public sealed class MovieLensDataset
{
    private readonly DatasetFiles _files;
    private readonly ImportOptions _options;

    private MovieLensDataset(DatasetFiles files, RatingScale scale, ImportOptions options)
    {
        _files = files;
        _options = options;
        Scale = scale;
    }

    /// <summary>
    /// Recognises the dataset in <paramref name="directory"/> by its files. Throws
    /// <see cref="DirectoryNotFoundException"/> when the folder does not exist and
    /// <see cref="UnrecognizedDatasetException"/>, naming the folder and the files looked for, when no
    /// format fits. For ml-1m / ml-10m the scale may take a scan of ratings.dat (see <see cref="Scale"/>).
    /// </summary>
    public static MovieLensDataset Open(string directory, ImportOptions? options = null)
    {
        var files = DatasetDetector.Detect(directory);
        return new MovieLensDataset(files, DatasetScale.Of(files), options ?? ImportOptions.Default);
    }

    /// <summary>The dataset folder, as a full path.</summary>
    public string Directory => _files.Directory;

    public DatasetFormat Format => _files.Format;

    /// <summary>
    /// Half stars for the CSV datasets and ml-10m, whole stars for ml-100k and ml-1m. ml-10m is told from
    /// ml-1m by its tags.dat (ml-1m has users.dat instead); with neither, by whether ratings.dat has a half star.
    /// Ratings outside the scale are bad lines.
    /// </summary>
    public RatingScale Scale { get; }

    public ImportReport Report { get; } = new();

    /// <summary>The ratings file read by <see cref="ReadRatings"/>: ratings.csv, u.data or ratings.dat.</summary>
    public string RatingsFile => _files.Ratings;

    /// <summary>The movies file read by <see cref="ReadMovies"/>: movies.csv, u.item or movies.dat.</summary>
    public string MoviesFile => _files.Movies;

    public IEnumerable<Rating> ReadRatings()
    {
        var layout = Format switch
        {
            DatasetFormat.MovieLensCsv => RatingLayout.Csv,
            DatasetFormat.MovieLens100k => RatingLayout.TabSeparated,
            _ => RatingLayout.DoubleColon,
        };
        return RatingFileReader.ReadLayout(_files.Ratings, layout, Scale, _options, Report);
    }

    /// <summary>
    /// The movies, with the tags (tags.csv, tags.dat) and, for CSV, the IMDb / TMDb ids of links.csv merged in.
    /// Those smaller files are read into memory when the enumeration starts; the movies file is streamed.
    /// </summary>
    public IEnumerable<Movie> ReadMovies() => WithoutControlCharacters(Format switch
    {
        DatasetFormat.MovieLensCsv => WithExtras(() => MoviesCsvFile.Read(_files.Movies, _options, Report)),
        DatasetFormat.MovieLens100k => UItemFile.Read(_files.Movies, _options, Report),
        _ => WithExtras(() => MoviesDatFile.Read(_files.Movies, _options, Report)),
    });

    /// <summary>
    /// Titles and tags lose their control and bidi-control characters (a U+202E would flip the
    /// text beside it on every page); how many texts changed is counted in the report.
    /// </summary>
    private IEnumerable<Movie> WithoutControlCharacters(IEnumerable<Movie> movies)
    {
        foreach (var movie in movies)
        {
            string title = SafeText.RemoveControlCharacters(movie.Title, out int fromTitle);
            if (fromTitle > 0) Report.RecordCleaned();
            var tags = movie.Tags.Select(tag =>
            {
                string clean = SafeText.RemoveControlCharacters(tag, out int fromTag);
                if (fromTag > 0) Report.RecordCleaned();
                return clean;
            }).Where(tag => tag.Trim().Length > 0).ToArray();
            yield return fromTitle > 0 || tags.Length != movie.Tags.Count || !tags.SequenceEqual(movie.Tags)
                ? movie with { Title = title.Trim().Length > 0 ? title : movie.Title, Tags = tags }
                : movie;
        }
    }

    private IEnumerable<Movie> WithExtras(Func<IEnumerable<Movie>> readMovies)
    {
        var extras = new MovieExtras(ReadTags(), ReadLinks());
        foreach (var movie in readMovies())
            yield return extras.AddTo(movie);
    }

    private MovieTagCollector ReadTags() => _files.Tags switch
    {
        null => new MovieTagCollector(),
        var path when Format == DatasetFormat.MovieLensCsv => TagsCsvFile.Read(path, _options, Report),
        var path => TagsDatFile.Read(path, _options, Report),
    };

    private IReadOnlyDictionary<int, MovieLinks> ReadLinks() =>
        _files.Links is null ? new Dictionary<int, MovieLinks>() : LinksCsvFile.Read(_files.Links, _options, Report);
}
