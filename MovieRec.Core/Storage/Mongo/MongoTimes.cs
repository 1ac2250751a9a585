namespace MovieRec.Core.Storage.Mongo;

/// <summary>BSON dates hold milliseconds: times are cut to the millisecond before they are stored, as SQLite's *_ms columns do.</summary>
internal static class MongoTimes
{
    public static DateTime ToBson(DateTimeOffset time) => DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds()).UtcDateTime;
}
