using MongoDB.Driver;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>
/// The collections (and the GridFS bucket of models, see GridFsModelRepository). Writes use majority acknowledgement with journaling (j: true): an
/// acknowledged write is on disk and survives a crash of the server, as with SQLite's FULL sync.
/// </summary>
internal sealed class MongoCollections
{
    public static readonly WriteConcern DurableWrites = WriteConcern.WMajority.With(journal: true);

    /// <summary>The movies collection's name, also named by $lookup stages.</summary>
    public const string MoviesName = "movies";

    public MongoCollections(IMongoDatabase database)
    {
        Database = database.WithWriteConcern(DurableWrites);
        Movies = Database.GetCollection<MovieDocument>(MoviesName);
        Users = Database.GetCollection<UserDocument>("users");
        Ratings = Database.GetCollection<RatingDocument>("ratings");
        Counters = Database.GetCollection<CounterDocument>("counters");
        Imports = Database.GetCollection<ImportStateDocument>("imports");
        PersonLists = Database.GetCollection<PersonListDocument>("personLists");
        PersonSettings = Database.GetCollection<PersonSettingsDocument>("personSettings");
        PersonVersions = Database.GetCollection<PersonVersionDocument>("personVersions");
        RatingReference = Database.GetCollection<RatingReferenceDocument>("ratingReference");
        // The rating-write count shares "counters" with the user id counter, as its own document.
        WriteCounters = Database.GetCollection<WriteCounterDocument>("counters");
        Locks = Database.GetCollection<StoreLockDocument>("locks");
        RetrainRuns = Database.GetCollection<RetrainRunDocument>("retrainRuns");
        ActiveModel = Database.GetCollection<ActiveModelDocument>("activeModel");
        ExperimentPicks = Database.GetCollection<ExperimentPickDocument>("experimentPicks");
    }

    public IMongoDatabase Database { get; }
    public IMongoCollection<MovieDocument> Movies { get; }
    public IMongoCollection<UserDocument> Users { get; }
    public IMongoCollection<RatingDocument> Ratings { get; }
    public IMongoCollection<CounterDocument> Counters { get; }
    public IMongoCollection<ImportStateDocument> Imports { get; }
    public IMongoCollection<PersonListDocument> PersonLists { get; }
    public IMongoCollection<PersonSettingsDocument> PersonSettings { get; }
    public IMongoCollection<PersonVersionDocument> PersonVersions { get; }
    public IMongoCollection<RatingReferenceDocument> RatingReference { get; }
    public IMongoCollection<WriteCounterDocument> WriteCounters { get; }
    public IMongoCollection<StoreLockDocument> Locks { get; }
    public IMongoCollection<RetrainRunDocument> RetrainRuns { get; }
    public IMongoCollection<ActiveModelDocument> ActiveModel { get; }
    public IMongoCollection<ExperimentPickDocument> ExperimentPicks { get; }
}
