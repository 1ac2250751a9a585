using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Scoring;
using MovieRec.Core.Recommending;

namespace MovieRec.Web.Models;

/// <summary>
/// The model being served: the snapshot, the recommender built over it and what its file said.
/// Immutable, so a request that read it once keeps a consistent model even while a reload swaps in another.
/// </summary>
public sealed record ActiveModel(ModelSnapshot Snapshot, Recommender Recommender, ModelFileInfo File, DateTimeOffset LoadedAt)
{
    /// <summary>Picks, similar movies and predictions as people are served them (the same component `evaluate` measures).</summary>
    public ServedRecommender Served { get; } = new(Recommender);
}
