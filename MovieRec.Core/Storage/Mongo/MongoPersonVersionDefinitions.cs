using MongoDB.Driver;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>The filter and update of the person versions, in one place so that tests render them to BSON.</summary>
internal static class MongoPersonVersionDefinitions
{
    public static FilterDefinition<PersonVersionDocument> OfPerson(int userId) =>
        Builders<PersonVersionDocument>.Filter.Eq(d => d.UserId, userId);

    /// <summary>Used with upsert on <see cref="OfPerson"/>: the first write creates { _id, version: 1 }.</summary>
    public static UpdateDefinition<PersonVersionDocument> Bump { get; } = Builders<PersonVersionDocument>.Update.Inc(d => d.Version, 1L);

    /// <summary>One bump per person, for a bulk write (an import batch).</summary>
    public static IEnumerable<WriteModel<PersonVersionDocument>> BumpEach(IEnumerable<int> userIds) =>
        userIds.Select(id => new UpdateOneModel<PersonVersionDocument>(OfPerson(id), Bump) { IsUpsert = true });
}
