namespace MovieRec.Core.Recommending;

/// <summary>How a list of similar movies was found: the reason shown beside it.</summary>
public enum SimilarityBasis
{
    /// <summary>Cosine over the model's item vectors: people who liked one liked the other.</summary>
    Ratings,
    /// <summary>Shared genres and tags, for a movie the model does not know.</summary>
    Content,
}

/// <summary>A movie like the one asked about, with how alike they are (higher is closer) and why.</summary>
public readonly record struct SimilarMovie(int MovieId, double Score, SimilarityBasis Basis);
