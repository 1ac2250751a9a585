using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using MovieRec.Core.Storage;
using MovieRec.Core.Storage.Sqlite;

namespace MovieRec.Tests.Storage.Contract;

/// <summary>The contract suite against SQLite, always: a fresh database file in a temp folder per test.</summary>
public sealed class SqliteStoreContractTests : StoreContractTests
{
    private readonly TempFolder _folder = new();

    private string DatabasePath => Path.Combine(_folder.Path, "movierec.db");

    protected override async Task<IMovieRecStore> OpenStoreAsync() =>
        await SqliteMovieRecStore.OpenAsync(DatabasePath, NullLoggerFactory.Instance);

    protected override Task<IMovieRecStore> ReopenStoreAsync() => OpenStoreAsync();

    protected override Task DeleteStoreAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }

    protected override async Task OverwriteStatisticsAsync(int movieId, int count, double sum)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE movies SET rating_count = $count, rating_sum = $sum WHERE movie_id = $id";
        command.Parameters.AddWithValue("$count", count);
        command.Parameters.AddWithValue("$sum", sum);
        command.Parameters.AddWithValue("$id", movieId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
