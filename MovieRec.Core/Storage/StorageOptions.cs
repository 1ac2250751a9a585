namespace MovieRec.Core.Storage;

/// <summary>
/// Which store to open. The web project binds <see cref="Provider"/> and <see cref="SqlitePath"/>
/// from the "Storage" section (Storage:Provider, Storage:SqlitePath, Storage:MongoDatabase) and
/// <see cref="MongoConnectionString"/> from ConnectionStrings:Mongo.
/// </summary>
public sealed record StorageOptions
{
    public const string SectionName = "Storage";
    public const string SqliteProvider = "sqlite";
    public const string MongoProvider = "mongo";
    public const string DefaultSqlitePath = "data/movierec.db";
    public const string DefaultMongoDatabase = "movierec";

    /// <summary>"sqlite" (the default, an embedded file) or "mongo".</summary>
    public string Provider { get; init; } = SqliteProvider;

    /// <summary>The SQLite database file; its folder is created when missing.</summary>
    public string SqlitePath { get; init; } = DefaultSqlitePath;

    /// <summary>A mongodb:// or mongodb+srv:// connection string; required for "mongo".</summary>
    public string? MongoConnectionString { get; init; }

    /// <summary>The MongoDB database; when unset, the one named in the connection string, else "movierec".</summary>
    public string? MongoDatabase { get; init; }
}
