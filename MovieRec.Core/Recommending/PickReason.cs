namespace MovieRec.Core.Recommending;

/// <summary>Which kind of true reason a pick is shown with.</summary>
public enum PickReasonKind
{
    /// <summary>"Because you rated X": X is highly rated by the person and alike enough (<see cref="PickReasons"/>).</summary>
    BecauseYouRated,

    /// <summary>"Matches your favourite genre G": the person chose G and the pick has it.</summary>
    FavouriteGenre,

    /// <summary>"Liked by people whose ratings match yours": the model, learnt from people who rate like them, predicts a high rating.</summary>
    PeopleLikeYou,
}

/// <summary>The reason shown under a pick: a movie id for <see cref="PickReasonKind.BecauseYouRated"/>, a genre for <see cref="PickReasonKind.FavouriteGenre"/>.</summary>
public sealed record PickReason(PickReasonKind Kind, int? MovieId = null, string? Genre = null)
{
    /// <summary>A predicted rating at or above this is what "liked by people whose ratings match yours" means.</summary>
    public const double PeopleLikeYouAtLeast = 4.0;

    /// <summary>
    /// The first reason that holds, in this order: a similar highly rated movie, a favourite genre
    /// (in the order the person chose them), a high predicted rating; null when none holds, and then
    /// nothing is said.
    /// </summary>
    public static PickReason? Choose(ServedPick pick, IReadOnlyCollection<string> pickGenres, IReadOnlyList<string> favouriteGenres)
    {
        if (pick.BecauseYouRated is { } movieId) return new PickReason(PickReasonKind.BecauseYouRated, MovieId: movieId);
        if (favouriteGenres.FirstOrDefault(pickGenres.Contains) is { } genre) return new PickReason(PickReasonKind.FavouriteGenre, Genre: genre);
        if (pick.PredictedRating >= PeopleLikeYouAtLeast) return new PickReason(PickReasonKind.PeopleLikeYou);
        return null;
    }
}
