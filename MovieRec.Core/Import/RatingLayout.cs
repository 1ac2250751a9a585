namespace MovieRec.Core.Import;

/// <summary>The three ways MovieLens writes a ratings file.</summary>
internal enum RatingLayout
{
    /// <summary>ratings.csv: header userId,movieId,rating,timestamp.</summary>
    Csv,

    /// <summary>ml-100k u.data, u1.base … ub.test: user item rating timestamp, tab-separated, no header.</summary>
    TabSeparated,

    /// <summary>ml-1m and ml-10m ratings.dat: UserID::MovieID::Rating::Timestamp, no header.</summary>
    DoubleColon,
}
