using MovieRec.Core.Recommending;

namespace MovieRec.Web.Recommendations;

/// <summary>The words of each kind of pick reason: one owner for the pages and the API.</summary>
public static class PickReasonWording
{
    public const string BecauseYouRated = "Because you rated";

    /// <summary>The sentence shown under a pick, or null when no reason holds.</summary>
    public static string? Sentence(Pick pick) => pick.Reason?.Kind switch
    {
        PickReasonKind.BecauseYouRated when pick.BecauseYouRated is { } movie => $"{BecauseYouRated} {movie.Title}",
        PickReasonKind.FavouriteGenre => $"Matches your favourite genre {pick.Reason.Genre}",
        PickReasonKind.PeopleLikeYou => "Liked by people whose ratings match yours",
        _ => null,
    };
}
