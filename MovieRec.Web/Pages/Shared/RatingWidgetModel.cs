namespace MovieRec.Web.Pages.Shared;

/// <summary>What the star widget needs: which movie, the current rating (if any) and where a plain form post returns to.</summary>
public sealed record RatingWidgetModel(int MovieId, string Title, double? Current, string ReturnUrl)
{
    /// <summary>
    /// 0.5, 1.0, ... 5.0, lowest first: the browser's arrow keys follow the markup (right and down
    /// to the next input), so this order makes the right arrow give more stars, as it looks.
    /// </summary>
    public static IReadOnlyList<double> ValuesLowestFirst { get; } = Enumerable.Range(1, 10).Select(step => step / 2.0).ToList();
}
