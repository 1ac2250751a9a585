namespace MovieRec.Core.Recommending;

/// <summary>One rating of the person being served: a MovieLens movie id and the stars they gave.</summary>
public readonly record struct PersonRating(int MovieId, double Value);
