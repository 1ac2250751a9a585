namespace MovieRec.Core.Recommending;

/// <summary>
/// A personal pick as served: the movie, the rating the model predicts for the person (what the
/// app shows), the ranking score that ordered it (higher first), and the liked movie it resembles
/// most ("because you rated X"; null when the model knows none of their liked movies).
/// </summary>
public readonly record struct ServedPick(int MovieId, double PredictedRating, double Score, int? BecauseYouRated);
