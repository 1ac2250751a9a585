using MongoDB.Driver;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>
/// The rating order's stored key: each movie carries ratingKey, <see cref="RatingDamping.DampedMean"/>
/// of its statistics against ratingKeyMean, the reference it was computed with (indexed by
/// movies_rating). A rating write recomputes the key in the same single-document pipeline update
/// as the statistics, from the document's own ratingKeyMean, so a write racing a refresh cannot
/// leave a key computed against an older reference. A refresh rewrites every movie first and the
/// reference document last: a crash in between leaves the reference stale, and the next page refreshes again.
/// </summary>
internal static class MongoRatingKeys
{
    public static async Task<double?> ReadReferenceAsync(MongoCollections collections, CancellationToken cancellationToken)
    {
        var document = await collections.RatingReference.Find(MongoQueries.CurrentRatingReference).FirstOrDefaultAsync(cancellationToken);
        return document?.Mean;
    }

    /// <summary>The live global mean, from the totals of every movie's statistics.</summary>
    public static async Task<double> LiveMeanAsync(MongoCollections collections, CancellationToken cancellationToken)
    {
        var totals = await collections.Movies.Aggregate(MongoPipelines.StatisticsTotals(), cancellationToken: cancellationToken)
            .FirstOrDefaultAsync(cancellationToken);
        return totals is null
            ? RatingDamping.EmptyStoreMean
            : RatingDamping.GlobalMean(totals["sum"].ToDouble(), totals["count"].ToInt64());
    }

    /// <summary>Moves the reference to the live mean and rewrites every key (one updateMany). Returns the new reference.</summary>
    public static async Task<double> RefreshAsync(MongoCollections collections, CancellationToken cancellationToken)
    {
        var liveMean = await LiveMeanAsync(collections, cancellationToken);
        await collections.Movies.UpdateManyAsync(MongoQueries.AllMovies, MongoUpdates.RefreshRatingKey(liveMean), cancellationToken: cancellationToken);
        await collections.RatingReference.UpdateOneAsync(MongoQueries.CurrentRatingReference, MongoUpdates.SetRatingReference(liveMean),
            new UpdateOptions { IsUpsert = true }, cancellationToken);
        return liveMean;
    }
}
