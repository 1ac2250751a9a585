using Microsoft.Extensions.Logging;
using MongoDB.Bson;
using MongoDB.Driver;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>
/// The MongoDB store: collections movies, users, ratings, personLists, personSettings, personVersions, counters, imports, ratingReference, activeModel, experimentPicks, locks and retrainRuns, and the GridFS bucket models, in one database, indexes
/// created at open (see <see cref="MongoIndexes"/>). Needs no replica set: no multi-document
/// transactions are used.
/// </summary>
public sealed class MongoMovieRecStore : IMovieRecStore
{
    // Statistics corrections per bulk write during a reconcile.
    private const int ReconcileBatchSize = 1_000;

    private readonly MongoClient _client;
    private readonly MongoCollections _collections;
    private readonly ILogger _logger;

    private MongoMovieRecStore(MongoClient client, MongoCollections collections, ILoggerFactory loggerFactory, TimeProvider clock)
    {
        _client = client;
        _collections = collections;
        _logger = loggerFactory.CreateLogger<MongoMovieRecStore>();
        var userIds = new MongoUserIds(collections);
        Movies = new MongoMovieStore(collections, loggerFactory.CreateLogger<MongoMovieStore>());
        Users = new MongoUserStore(collections, userIds, loggerFactory.CreateLogger<MongoUserStore>(), clock);
        Ratings = new MongoRatingStore(collections, loggerFactory.CreateLogger<MongoRatingStore>());
        PersonLists = new MongoPersonListStore(collections, clock);
        PersonSettings = new MongoPersonSettingsStore(collections);
        PersonVersions = new MongoPersonVersions(collections);
        Imports = new MongoImportLog(collections, clock);
        Locks = new MongoStoreLocks(collections);
        Retrains = new MongoRetrainLog(collections);
        ActiveModel = new MongoActiveModelStore(collections, clock);
        Experiments = new MongoExperimentStore(collections, clock);
        SharedModels = new GridFsModelRepository(collections.Database);
    }

    public string Provider => StorageOptions.MongoProvider;

    /// <summary>The database name, for logs and tests.</summary>
    public string DatabaseName => _collections.Database.DatabaseNamespace.DatabaseName;

    public IMovieStore Movies { get; }
    public IUserStore Users { get; }
    public IRatingStore Ratings { get; }
    public IPersonListStore PersonLists { get; }
    public IPersonSettingsStore PersonSettings { get; }
    public IPersonVersions PersonVersions { get; }
    public IImportLog Imports { get; }
    public IStoreLocks Locks { get; }
    public IRetrainLog Retrains { get; }
    public IActiveModelStore ActiveModel { get; }
    public IExperimentStore Experiments { get; }

    /// <summary>The GridFS bucket "models": the history every instance on the database shares.</summary>
    public ModelHistory.IModelRepository? SharedModels { get; }

    public static async Task<MongoMovieRecStore> OpenAsync(MongoUrl url, string databaseName, ILoggerFactory loggerFactory, CancellationToken cancellationToken = default, TimeProvider? clock = null)
    {
        var client = new MongoClient(url);
        try
        {
            var collections = new MongoCollections(client.GetDatabase(databaseName));
            await collections.Movies.Indexes.CreateManyAsync(MongoIndexes.Movies(), cancellationToken);
            await collections.Users.Indexes.CreateManyAsync(MongoIndexes.Users(), cancellationToken);
            await collections.Ratings.Indexes.CreateManyAsync(MongoIndexes.Ratings(), cancellationToken);
            await collections.PersonLists.Indexes.CreateManyAsync(MongoPersonListDefinitions.Indexes(), cancellationToken);
            await collections.RetrainRuns.Indexes.CreateManyAsync(MongoRetrainDefinitions.Indexes(), cancellationToken);
            await collections.ExperimentPicks.Indexes.CreateManyAsync(MongoModelDefinitions.ExperimentIndexes(), cancellationToken);
            await new MongoUserIds(collections).RaiseAboveStoredUsersAsync(cancellationToken);
            await MongoMovieStore.RefreshSearchKeysAsync(collections, cancellationToken);
            // Accounts from before revocable sessions get a stamp (one value for all is enough: a
            // stamp only has to change, and each account's changes apart from then on).
            await collections.Users.UpdateManyAsync(MongoQueries.UsersWithoutSecurityStamp,
                MongoUpdates.RenewSecurityStamp(SecurityStamps.New()), cancellationToken: cancellationToken);
            var logger = loggerFactory.CreateLogger<MongoMovieRecStore>();
            // The host only: the URL may carry a password.
            logger.LogInformation("Opened MongoDB store {Database} on {Servers}", databaseName, string.Join(",", url.Servers));
            return new MongoMovieRecStore(client, collections, loggerFactory, clock ?? TimeProvider.System);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async Task<int> ReconcileStatisticsAsync(CancellationToken cancellationToken = default)
    {
        var recount = new Dictionary<int, (int Count, double Sum)>();
        using (var groups = await _collections.Ratings.AggregateAsync(MongoPipelines.RecountByMovie(), new AggregateOptions { AllowDiskUse = true }, cancellationToken))
        {
            await groups.ForEachAsync(g => recount[g["_id"].ToInt32()] = (g["count"].ToInt32(), g["sum"].ToDouble()), cancellationToken);
        }

        var corrections = new List<WriteModel<MovieDocument>>();
        var corrected = 0;
        using var movies = await _collections.Movies.Find(Builders<MovieDocument>.Filter.Empty)
            .Project<MovieDocument>(Builders<MovieDocument>.Projection.Include(d => d.Stats))
            .ToCursorAsync(cancellationToken);
        while (await movies.MoveNextAsync(cancellationToken))
        {
            foreach (var movie in movies.Current)
            {
                var (count, sum) = recount.GetValueOrDefault(movie.Id);
                if (movie.Stats.Count == count && movie.Stats.Sum == sum)
                    continue;
                corrections.Add(new UpdateOneModel<MovieDocument>(MongoQueries.MovieById(movie.Id), MongoUpdates.SetStatistics(count, sum)));
                if (corrections.Count == ReconcileBatchSize)
                    corrected += await FlushAsync(corrections, cancellationToken);
            }
        }
        corrected += await FlushAsync(corrections, cancellationToken);
        // The recount may have moved the live mean, and the corrected movies' keys: rewrite them all.
        await MongoRatingKeys.RefreshAsync(_collections, cancellationToken);
        _logger.LogInformation("Reconciled movie statistics: {Corrected} movies corrected", corrected);
        return corrected;
    }

    private async Task<int> FlushAsync(List<WriteModel<MovieDocument>> corrections, CancellationToken cancellationToken)
    {
        if (corrections.Count == 0)
            return 0;
        await _collections.Movies.BulkWriteAsync(corrections, new BulkWriteOptions { IsOrdered = false }, cancellationToken);
        var count = corrections.Count;
        corrections.Clear();
        return count;
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
