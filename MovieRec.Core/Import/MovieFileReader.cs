using MovieRec.Core.Catalog;

namespace MovieRec.Core.Import;

/// <summary>
/// Reads one movies file on its own: movies.csv, ml-100k's u.item or ml-1m / ml-10m movies.dat, recognised
/// from its first line (or, failing that, its name). Tags and links live in other files, so the movies come
/// without them; <see cref="MovieLensDataset.ReadMovies"/> merges them in.
/// </summary>
public static class MovieFileReader
{
    /// <summary>The layout is recognised, and the file's existence checked, when this is called; the movies are read as they are enumerated.</summary>
    public static IEnumerable<Movie> Read(string path, ImportOptions? options = null, ImportReport? report = null)
    {
        options ??= ImportOptions.Default;
        report ??= new ImportReport();
        return MovieFileLayouts.Recognize(path) switch
        {
            MovieFileLayout.Csv => MoviesCsvFile.Read(path, options, report),
            MovieFileLayout.UItem => UItemFile.Read(path, options, report),
            _ => MoviesDatFile.Read(path, options, report),
        };
    }
}
