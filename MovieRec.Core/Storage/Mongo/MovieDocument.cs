using MongoDB.Bson.Serialization.Attributes;
using MovieRec.Core.Catalog;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>
/// A movie in the "movies" collection: { _id: movieId, title, titleKey, year, genres, tags,
/// imdbId, tmdbId, stats: { count, sum }, ratingKey, ratingKeyMean, searchKey, searchGrams, tagKeys,
/// searchVersion }. titleKey is the title lower-cased by .NET, the sort key for the title order (the
/// same folding the SQLite store uses). searchKey is <see cref="SearchText.TitleKey"/>, searchGrams
/// its distinct trigrams (multikey index movies_search_grams: the candidates of a title search and
/// of near titles), tagKeys the folded tags (index movies_tag_keys), searchVersion the
/// <see cref="SearchText.RuleVersion"/> they were made by.
/// </summary>
[BsonIgnoreExtraElements]
internal sealed class MovieDocument
{
    [BsonId] public int Id { get; set; }
    [BsonElement("title")] public string Title { get; set; } = "";
    [BsonElement("titleKey")] public string TitleKey { get; set; } = "";
    [BsonElement("year")] public int? Year { get; set; }
    [BsonElement("genres")] public List<string> Genres { get; set; } = [];
    [BsonElement("tags")] public List<string> Tags { get; set; } = [];
    [BsonElement("imdbId")] public string? ImdbId { get; set; }
    [BsonElement("tmdbId")] public int? TmdbId { get; set; }
    [BsonElement("stats")] public MovieStatsDocument Stats { get; set; } = new();
    // The rating order's stored key and the reference mean it was computed against (see MongoRatingKeys).
    [BsonElement(RatingKeyField)] public double? RatingKey { get; set; }
    [BsonElement(RatingKeyMeanField)] public double? RatingKeyMean { get; set; }

    [BsonElement("searchKey")] public string? SearchKey { get; set; }
    [BsonElement("searchGrams")] public List<string> SearchGrams { get; set; } = [];
    [BsonElement("tagKeys")] public List<string> TagKeys { get; set; } = [];
    [BsonElement("searchVersion")] public int SearchVersion { get; set; }

    public const string RatingKeyField = "ratingKey";
    public const string RatingKeyMeanField = "ratingKeyMean";

    public Movie ToMovie() => new(Id, Title, Year, Genres) { Tags = Tags, ImdbId = ImdbId, TmdbId = TmdbId };

    public MovieStatistics ToStatistics() => new(Id, Stats.Count, Stats.Sum);
}

/// <summary>The live statistics embedded in a movie: changed only by adding a rating change (MongoUpdates.ApplyRatingDelta), or set by a reconcile.</summary>
internal sealed class MovieStatsDocument
{
    [BsonElement("count")] public int Count { get; set; }
    [BsonElement("sum")] public double Sum { get; set; }
}
