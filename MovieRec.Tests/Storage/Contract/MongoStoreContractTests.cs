using Microsoft.Extensions.Logging.Abstractions;
using MongoDB.Driver;
using MovieRec.Core.Storage;
using MovieRec.Core.Storage.Mongo;

namespace MovieRec.Tests.Storage.Contract;

/// <summary>
/// The contract suite against a real MongoDB server named by MOVIEREC_TEST_MONGO; each test gets
/// a database of its own, dropped afterwards. Without the variable every test here is reported
/// skipped with that reason (see <see cref="StoreFactDiscoverer"/>).
/// </summary>
[NeedsMongoServer]
public sealed class MongoStoreContractTests : StoreContractTests
{
    private readonly string _databaseName = $"movierec_test_{Guid.NewGuid():N}";

    private static MongoUrl Url => MongoUrl.Create(MongoTestServer.ConnectionString
        ?? throw new InvalidOperationException($"{MongoTestServer.VariableName} is not set"));

    protected override async Task<IMovieRecStore> OpenStoreAsync() =>
        await MongoMovieRecStore.OpenAsync(Url, _databaseName, NullLoggerFactory.Instance);

    protected override Task<IMovieRecStore> ReopenStoreAsync() => OpenStoreAsync();

    protected override async Task DeleteStoreAsync()
    {
        using var client = new MongoClient(Url);
        await client.DropDatabaseAsync(_databaseName);
    }

    protected override async Task OverwriteStatisticsAsync(int movieId, int count, double sum)
    {
        using var client = new MongoClient(Url);
        var movies = client.GetDatabase(_databaseName).GetCollection<MovieDocument>("movies");
        var result = await movies.UpdateOneAsync(MongoQueries.MovieById(movieId), MongoUpdates.SetStatistics(count, sum));
        Assert.Equal(1, result.MatchedCount);
    }
}
