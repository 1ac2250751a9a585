namespace MovieRec.Core.Ratings;

/// <summary>
/// One person's rating of one movie, with MovieLens ids (not dense indices).
/// A struct of 24 bytes: the 32M-rating datasets are held as arrays of these.
/// </summary>
public readonly record struct Rating(int UserId, int MovieId, float Value, long Timestamp);
