using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>One retrain in the "retrainRuns" collection, field for field the <see cref="RetrainRun"/> record.</summary>
[BsonIgnoreExtraElements]
internal sealed class RetrainRunDocument
{
    [BsonId] public ObjectId Id { get; set; }
    [BsonElement("startedAt"), BsonDateTimeOptions(Kind = DateTimeKind.Utc)] public DateTime StartedAt { get; set; }
    [BsonElement("finishedAt"), BsonDateTimeOptions(Kind = DateTimeKind.Utc)] public DateTime FinishedAt { get; set; }
    [BsonElement("trigger")] public string Trigger { get; set; } = "";
    [BsonElement("holder")] public string Holder { get; set; } = "";
    [BsonElement("outcome")] public string Outcome { get; set; } = "";
    [BsonElement("reason")] public string Reason { get; set; } = "";
    [BsonElement("ratings")] public long Ratings { get; set; }
    [BsonElement("heldOutRmse")] public double? HeldOutRmse { get; set; }
    [BsonElement("biasOnlyRmse")] public double? BiasOnlyRmse { get; set; }
    [BsonElement("currentRmse")] public double? CurrentRmse { get; set; }
    [BsonElement("heldOutNdcg")] public double? HeldOutNdcg { get; set; }
    [BsonElement("ratingWritesAtStart")] public long RatingWritesAtStart { get; set; }
    // Absent from runs recorded before the served figure: they read as false, the factor model's RMSE.
    [BsonElement("heldOutAsServed")] public bool HeldOutAsServed { get; set; }

    public static RetrainRunDocument From(RetrainRun run) => new()
    {
        Id = ObjectId.GenerateNewId(),
        StartedAt = MongoTimes.ToBson(run.StartedAt),
        FinishedAt = MongoTimes.ToBson(run.FinishedAt),
        Trigger = run.Trigger,
        Holder = run.Holder,
        Outcome = RetrainOutcomeNames.Of(run.Outcome),
        Reason = run.Reason,
        Ratings = run.Ratings,
        HeldOutRmse = StoredFigures.Finite(run.HeldOutRmse),
        BiasOnlyRmse = StoredFigures.Finite(run.BiasOnlyRmse),
        CurrentRmse = StoredFigures.Finite(run.CurrentRmse),
        HeldOutNdcg = StoredFigures.Finite(run.HeldOutNdcg),
        RatingWritesAtStart = run.RatingWritesAtStart,
        HeldOutAsServed = run.HeldOutAsServed,
    };

    public RetrainRun ToRun() => new(
        new DateTimeOffset(StartedAt, TimeSpan.Zero), new DateTimeOffset(FinishedAt, TimeSpan.Zero), Trigger, Holder,
        RetrainOutcomeNames.Parse(Outcome), Reason, Ratings, HeldOutRmse, BiasOnlyRmse, CurrentRmse, HeldOutNdcg, RatingWritesAtStart)
    {
        HeldOutAsServed = HeldOutAsServed,
    };

}
