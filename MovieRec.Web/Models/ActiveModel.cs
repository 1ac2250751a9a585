using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Scoring;

namespace MovieRec.Web.Models;

/// <summary>
/// The model being served: the snapshot, the recommender built over it and what its file said.
/// Immutable, so a request that read it once keeps a consistent model even while a reload swaps in another.
/// </summary>
public sealed record ActiveModel(ModelSnapshot Snapshot, Recommender Recommender, ModelFileInfo File, DateTimeOffset LoadedAt);
