using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.GridFS;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>
/// Every filter, update, sort, index and pipeline of the active model, the experiments and the
/// GridFS model history, in one place so that tests render each to BSON.
/// </summary>
internal static class MongoModelDefinitions
{
    /// <summary>The GridFS bucket of the model history (collections models.files and models.chunks).</summary>
    public const string BucketName = "models";

    /// <summary>Where the facts of a version sit in its GridFS file's metadata.</summary>
    public const string FactsField = "facts";

    // --- the active model ---

    public static FilterDefinition<ActiveModelDocument> ActiveModel =>
        Builders<ActiveModelDocument>.Filter.Eq(d => d.Id, ActiveModelDocument.SingletonId);

    /// <summary>Used with upsert on <see cref="ActiveModel"/>: the one document is created or replaced in one write.</summary>
    public static UpdateDefinition<ActiveModelDocument> Activate(string version, long atMs) =>
        Builders<ActiveModelDocument>.Update.Set(d => d.Version, version).Set(d => d.ActivatedAt, atMs);

    // --- experiments ---

    private static FilterDefinitionBuilder<ExperimentPickDocument> Picks => Builders<ExperimentPickDocument>.Filter;

    public static FilterDefinition<ExperimentPickDocument> Pick(string experiment, int userId, int movieId) =>
        Picks.And(Picks.Eq(d => d.Experiment, experiment), Picks.Eq(d => d.UserId, userId), Picks.Eq(d => d.MovieId, movieId));

    /// <summary>Used with upsert on <see cref="Pick"/>: a pick shown again keeps its first arm and time.</summary>
    public static UpdateDefinition<ExperimentPickDocument> Shown(string arm, long atMs) =>
        Builders<ExperimentPickDocument>.Update.SetOnInsert(d => d.Arm, arm).SetOnInsert(d => d.ShownAt, atMs);

    /// <summary>The pick, when it has not been opened yet (a missing field matches null).</summary>
    public static FilterDefinition<ExperimentPickDocument> NotOpened(string experiment, int userId, int movieId) =>
        Picks.And(Pick(experiment, userId, movieId), Picks.Eq(d => d.OpenedAt, null));

    public static FilterDefinition<ExperimentPickDocument> NotRated(string experiment, int userId, int movieId) =>
        Picks.And(Pick(experiment, userId, movieId), Picks.Eq(d => d.RatedAt, null));

    public static UpdateDefinition<ExperimentPickDocument> Opened(long atMs) =>
        Builders<ExperimentPickDocument>.Update.Set(d => d.OpenedAt, atMs);

    public static UpdateDefinition<ExperimentPickDocument> Rated(double rating, long atMs) =>
        Builders<ExperimentPickDocument>.Update.Set(d => d.RatedAt, atMs).Set(d => d.Rating, rating);

    public static IReadOnlyList<CreateIndexModel<ExperimentPickDocument>> ExperimentIndexes() =>
    [
        new(Builders<ExperimentPickDocument>.IndexKeys.Ascending(d => d.Experiment).Ascending(d => d.UserId).Ascending(d => d.MovieId),
            new CreateIndexOptions { Name = "experimentPicks_experiment_user_movie", Unique = true }),
    ];

    /// <summary>
    /// Each arm's counts, { _id: arm, people, impressions, opened, rated, ratingSum, ratingSquares },
    /// control first: grouped per (arm, person) and then per arm, so that people are counted without
    /// gathering their ids into one document. $ifNull turns an absent outcome into 0 (false).
    /// </summary>
    public static PipelineDefinition<ExperimentPickDocument, BsonDocument> ArmCounts(string experiment)
    {
        static BsonDocument CountIfPresent(string field) => new("$sum", new BsonDocument("$cond", new BsonArray
        {
            new BsonDocument("$ifNull", new BsonArray { "$" + field, false }), 1, 0,
        }));
        var rating = new BsonDocument("$ifNull", new BsonArray { "$rating", 0.0 });
        return new EmptyPipelineDefinition<ExperimentPickDocument>()
            .Match(Picks.Eq(d => d.Experiment, experiment))
            .AppendStage<ExperimentPickDocument, ExperimentPickDocument, BsonDocument>(new BsonDocument("$group", new BsonDocument
            {
                { "_id", new BsonDocument { { "arm", "$arm" }, { "userId", "$userId" } } },
                { "impressions", new BsonDocument("$sum", 1) },
                { "opened", CountIfPresent("openedAt") },
                { "rated", CountIfPresent("ratedAt") },
                { "ratingSum", new BsonDocument("$sum", rating) },
                { "ratingSquares", new BsonDocument("$sum", new BsonDocument("$multiply", new BsonArray { rating, rating })) },
            }))
            .AppendStage<ExperimentPickDocument, BsonDocument, BsonDocument>(new BsonDocument("$group", new BsonDocument
            {
                { "_id", "$_id.arm" },
                { "people", new BsonDocument("$sum", 1) },
                { "impressions", new BsonDocument("$sum", "$impressions") },
                { "opened", new BsonDocument("$sum", "$opened") },
                { "rated", new BsonDocument("$sum", "$rated") },
                { "ratingSum", new BsonDocument("$sum", "$ratingSum") },
                { "ratingSquares", new BsonDocument("$sum", "$ratingSquares") },
            }))
            .AppendStage<ExperimentPickDocument, BsonDocument, BsonDocument>(new BsonDocument("$sort", new BsonDocument("_id", 1)));
    }

    // --- the GridFS history ---

    public static FilterDefinition<GridFSFileInfo> ModelFile(string version) =>
        Builders<GridFSFileInfo>.Filter.Eq(f => f.Filename, version);

    /// <summary>Every kept version, newest first (names sort by age).</summary>
    public static SortDefinition<GridFSFileInfo> NewestFirst => Builders<GridFSFileInfo>.Sort.Descending(f => f.Filename);

    public static FilterDefinition<GridFSFileInfo> AllModelFiles => Builders<GridFSFileInfo>.Filter.Empty;

    /// <summary>The upload of a version: its facts as a BSON document in the file's metadata.</summary>
    public static GridFSUploadOptions Upload(string factsJson) => new()
    {
        Metadata = new BsonDocument(FactsField, BsonDocument.Parse(factsJson)),
        // 1 MiB chunks: a 100 MB model is 100 chunk documents, each well under the 16 MB limit.
        ChunkSizeBytes = 1 << 20,
    };
}
