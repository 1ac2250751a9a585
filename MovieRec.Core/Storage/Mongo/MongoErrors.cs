using MongoDB.Driver;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>Recognises the server's "duplicate key" (E11000) in the three shapes the driver reports it.</summary>
internal static class MongoErrors
{
    private const int DuplicateKeyCode = 11000;

    public static bool IsDuplicateKey(Exception error) => error switch
    {
        MongoWriteException write => write.WriteError?.Category == ServerErrorCategory.DuplicateKey,
        MongoBulkWriteException bulk => bulk.WriteErrors.Count > 0 && bulk.WriteErrors.All(e => e.Category == ServerErrorCategory.DuplicateKey),
        MongoCommandException command => command.Code == DuplicateKeyCode,
        _ => false,
    };
}
