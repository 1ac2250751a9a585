using System.Globalization;

namespace MovieRec.Web.Pages.Shared;

/// <summary>
/// "You rated X, which is on your watch-list: remove it?" after a plain form rating (no
/// JavaScript): the rating post leaves the movie in TempData and the layout shows the offer on the
/// page it returns to. With JavaScript, rating.js makes the same offer from the API's answer.
/// </summary>
public sealed record WatchListOffer(int MovieId, string Title)
{
    public const string Key = "WatchListOffer";

    public static string Write(int movieId, string title) => $"{movieId.ToString(CultureInfo.InvariantCulture)}|{title}";

    /// <summary>The offer left by the last rating post, or null (also for anything not written by <see cref="Write"/>).</summary>
    public static WatchListOffer? Read(object? stored)
    {
        if (stored is not string text) return null;
        int bar = text.IndexOf('|');
        if (bar < 1) return null;
        return int.TryParse(text[..bar], NumberStyles.None, CultureInfo.InvariantCulture, out int movieId)
            ? new WatchListOffer(movieId, text[(bar + 1)..])
            : null;
    }
}
