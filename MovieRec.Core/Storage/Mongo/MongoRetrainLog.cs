using MongoDB.Driver;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>The rating-write count (a document of "counters", raised by each rating upsert) and the "retrainRuns" collection.</summary>
internal sealed class MongoRetrainLog(MongoCollections collections) : IRetrainLog
{
    public async Task<long> RatingWritesAsync(CancellationToken cancellationToken = default)
    {
        var counter = await collections.WriteCounters.Find(MongoRetrainDefinitions.RatingWrites).FirstOrDefaultAsync(cancellationToken);
        return counter?.Value ?? 0;
    }

    /// <summary>Called by the rating store after each upsert (a separate single-document write: there are no transactions here, and a count one short after a crash only delays a retrain).</summary>
    public Task CountRatingWriteAsync(CancellationToken cancellationToken) =>
        collections.WriteCounters.UpdateOneAsync(MongoRetrainDefinitions.RatingWrites, MongoRetrainDefinitions.CountRatingWrite,
            new UpdateOptions { IsUpsert = true }, cancellationToken);

    public Task RecordAsync(RetrainRun run, CancellationToken cancellationToken = default) =>
        collections.RetrainRuns.InsertOneAsync(RetrainRunDocument.From(run), cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<RetrainRun>> RecentAsync(int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
            return [];
        var documents = await collections.RetrainRuns.Find(MongoRetrainDefinitions.AllRuns)
            .Sort(MongoRetrainDefinitions.NewestRunFirst).Limit(count).ToListAsync(cancellationToken);
        return documents.Select(d => d.ToRun()).ToList();
    }
}
