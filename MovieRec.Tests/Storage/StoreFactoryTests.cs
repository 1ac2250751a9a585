using MovieRec.Core.Storage;
using MovieRec.Core.Storage.Sqlite;

namespace MovieRec.Tests.Storage;

public sealed class StoreFactoryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void DefaultOptions_NameTheEmbeddedSqliteFile()
    {
        var options = new StorageOptions();

        Assert.Equal(("sqlite", "data/movierec.db", (string?)null, (string?)null), (options.Provider, options.SqlitePath, options.MongoConnectionString, options.MongoDatabase));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData(" SQLite ")]
    [InlineData("")]
    public async Task SqliteProvider_OpensTheFileAtThePath(string provider)
    {
        var path = Path.Combine(_folder.Path, "nested", "store.db");

        await using var store = await MovieRecStoreFactory.OpenAsync(new StorageOptions { Provider = provider, SqlitePath = path });

        Assert.Equal("sqlite", store.Provider);
        Assert.Equal(path, Assert.IsType<SqliteMovieRecStore>(store).Path);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task UnknownProvider_IsExplained()
    {
        var error = await Assert.ThrowsAsync<StoreException>(() => MovieRecStoreFactory.OpenAsync(new StorageOptions { Provider = "postgres" }));

        Assert.Equal("Storage:Provider 'postgres' is not known: use 'sqlite' or 'mongo'.", error.Message);
    }

    [Fact]
    public async Task MongoWithoutConnectionString_IsExplained()
    {
        var error = await Assert.ThrowsAsync<StoreException>(() => MovieRecStoreFactory.OpenAsync(new StorageOptions { Provider = "mongo" }));

        Assert.Contains("ConnectionStrings:Mongo is not set", error.Message);
    }

    [Fact]
    public async Task MalformedMongoConnectionString_IsRefusedWithoutEchoingIt()
    {
        var options = new StorageOptions { Provider = "mongo", MongoConnectionString = "mongodb://user:s3cret@host:notaport" };

        var error = await Assert.ThrowsAsync<StoreException>(() => MovieRecStoreFactory.OpenAsync(options));

        Assert.Contains("not a valid MongoDB connection string", error.Message);
        Assert.DoesNotContain("s3cret", error.ToString());
    }
}
