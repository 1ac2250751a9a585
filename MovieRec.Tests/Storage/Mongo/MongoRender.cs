using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace MovieRec.Tests.Storage.Mongo;

/// <summary>Renders driver definitions to the BSON the server would receive, as the driver itself does before sending.</summary>
internal static class MongoRender
{
    private static RenderArgs<T> Args<T>() =>
        new(BsonSerializer.SerializerRegistry.GetSerializer<T>(), BsonSerializer.SerializerRegistry);

    public static BsonDocument Filter<T>(FilterDefinition<T> filter) => filter.Render(Args<T>());

    public static BsonDocument Update<T>(UpdateDefinition<T> update) => update.Render(Args<T>()).AsBsonDocument;

    /// <summary>A pipeline update (an array of stages) as sent.</summary>
    public static BsonArray UpdatePipeline<T>(UpdateDefinition<T> update) => update.Render(Args<T>()).AsBsonArray;

    public static BsonDocument Sort<T>(SortDefinition<T> sort) => sort.Render(Args<T>());

    public static BsonDocument Keys<T>(IndexKeysDefinition<T> keys) => keys.Render(Args<T>());

    public static BsonArray Pipeline<TInput, TOutput>(PipelineDefinition<TInput, TOutput> pipeline) =>
        new(pipeline.Render(Args<TInput>()).Documents);

    /// <summary>Parses the expected shell-style JSON; BSON equality then also checks element order and number types.</summary>
    public static BsonDocument Json(string json) => BsonDocument.Parse(json);
}
