using MongoDB.Bson;
using MongoDB.Driver;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>A/B impressions and outcomes in the "experimentPicks" collection, one document per (experiment, person, movie).</summary>
internal sealed class MongoExperimentStore(MongoCollections collections, TimeProvider clock) : IExperimentStore
{
    public async Task RecordShownAsync(string experiment, string arm, int userId, IReadOnlyCollection<int> movieIds, CancellationToken cancellationToken = default)
    {
        if (!ExperimentArms.IsKnown(arm)) throw new ArgumentException($"'{arm}' is not an experiment arm", nameof(arm));
        if (movieIds.Count == 0) return;
        long at = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var upserts = movieIds.Distinct().Select(movieId => new UpdateOneModel<ExperimentPickDocument>(
            MongoModelDefinitions.Pick(experiment, userId, movieId), MongoModelDefinitions.Shown(arm, at)) { IsUpsert = true }).ToList();
        try
        {
            await collections.ExperimentPicks.BulkWriteAsync(upserts, new BulkWriteOptions { IsOrdered = false }, cancellationToken);
        }
        catch (MongoBulkWriteException error) when (error.WriteErrors.All(e => e.Category == ServerErrorCategory.DuplicateKey))
        {
            // Two requests showed the same pick at once and the other insert won: it is recorded.
        }
    }

    public async Task<bool> RecordOpenedAsync(string experiment, int userId, int movieId, CancellationToken cancellationToken = default)
    {
        var result = await collections.ExperimentPicks.UpdateOneAsync(MongoModelDefinitions.NotOpened(experiment, userId, movieId),
            MongoModelDefinitions.Opened(clock.GetUtcNow().ToUnixTimeMilliseconds()), cancellationToken: cancellationToken);
        return result.ModifiedCount == 1;
    }

    public async Task<bool> RecordRatedAsync(string experiment, int userId, int movieId, double rating, CancellationToken cancellationToken = default)
    {
        var result = await collections.ExperimentPicks.UpdateOneAsync(MongoModelDefinitions.NotRated(experiment, userId, movieId),
            MongoModelDefinitions.Rated(rating, clock.GetUtcNow().ToUnixTimeMilliseconds()), cancellationToken: cancellationToken);
        return result.ModifiedCount == 1;
    }

    public async Task<IReadOnlyList<ArmCounts>> CountAsync(string experiment, CancellationToken cancellationToken = default)
    {
        var groups = await collections.ExperimentPicks.Aggregate(MongoModelDefinitions.ArmCounts(experiment), cancellationToken: cancellationToken)
            .ToListAsync(cancellationToken);
        return groups
            .Select(g => new ArmCounts(g["_id"].AsString, g["people"].ToInt64(), g["impressions"].ToInt64(), g["opened"].ToInt64(),
                g["rated"].ToInt64(), g["ratingSum"].ToDouble(), g["ratingSquares"].ToDouble()))
            // Control first, as the SQLite store answers.
            .OrderBy(a => a.Arm == ExperimentArms.Candidate).ThenBy(a => a.Arm, StringComparer.Ordinal)
            .ToList();
    }
}
