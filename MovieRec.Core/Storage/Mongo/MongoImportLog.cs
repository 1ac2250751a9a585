using MongoDB.Driver;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>
/// The import marker. MongoDB here runs without multi-document transactions, so an import cannot
/// be one write; the marker is what lets a restart see an unfinished one and redo it.
/// </summary>
internal sealed class MongoImportLog(MongoCollections collections, TimeProvider clock) : IImportLog
{
    public async Task<ImportState?> LastAsync(CancellationToken cancellationToken = default)
    {
        var document = await collections.Imports.Find(MongoQueries.LastImport).FirstOrDefaultAsync(cancellationToken);
        return document?.ToState();
    }

    public Task BeginAsync(string dataset, CancellationToken cancellationToken = default) =>
        collections.Imports.UpdateOneAsync(MongoQueries.LastImport, MongoUpdates.BeginImport(dataset, Now()),
            new UpdateOptions { IsUpsert = true }, cancellationToken);

    public Task CompleteAsync(CancellationToken cancellationToken = default) =>
        collections.Imports.UpdateOneAsync(MongoQueries.LastImport, MongoUpdates.CompleteImport(Now()), cancellationToken: cancellationToken);

    // BSON dates hold milliseconds.
    private DateTime Now() => DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds()).UtcDateTime;
}
