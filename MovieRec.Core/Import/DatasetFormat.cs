namespace MovieRec.Core.Import;

/// <summary>The families of MovieLens downloads the importer understands.</summary>
public enum DatasetFormat
{
    /// <summary>ml-latest-small, ml-latest, ml-25m, ml-32m: movies.csv, ratings.csv, tags.csv, links.csv.</summary>
    MovieLensCsv,

    /// <summary>ml-100k: tab-separated u.data (and u1.base … ub.test), pipe-separated u.item.</summary>
    MovieLens100k,

    /// <summary>ml-1m and ml-10m: "::"-separated ratings.dat and movies.dat (ml-10m also has tags.dat).</summary>
    MovieLensDat,
}
