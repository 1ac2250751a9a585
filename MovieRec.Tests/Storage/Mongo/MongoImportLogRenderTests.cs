using MovieRec.Core.Storage.Mongo;
using static MovieRec.Tests.Storage.Mongo.MongoRender;

namespace MovieRec.Tests.Storage.Mongo;

/// <summary>The import marker's filter and updates, rendered to the BSON the server receives.</summary>
public sealed class MongoImportLogRenderTests
{
    [Fact]
    public void AccountsWithoutASecurityStamp_AreFoundByTheFieldsAbsence()
    {
        Assert.Equal(Json("{ securityStamp: { $exists: false } }"), Filter(MongoQueries.UsersWithoutSecurityStamp));
    }

    [Fact]
    public void TheMarker_IsOneDocument_BegunIncompleteAndCompletedWithATime()
    {
        var started = new DateTime(2026, 12, 1, 15, 0, 0, 123, DateTimeKind.Utc);

        Assert.Equal(Json("{ _id: 'last' }"), Filter(MongoQueries.LastImport));
        Assert.Equal(
            Json("{ $set: { dataset: '/data/ml', startedAt: ISODate('2026-12-01T15:00:00.123Z'), completedAt: null } }"),
            Update(MongoUpdates.BeginImport("/data/ml", started)));
        Assert.Equal(Json("{ $set: { completedAt: ISODate('2026-12-01T15:00:00.123Z') } }"), Update(MongoUpdates.CompleteImport(started)));
    }
}
