namespace MovieRec.Web.Pages.Shared;

/// <summary>What the star widget needs: which movie, the current rating (if any) and where a plain form post returns to.</summary>
public sealed record RatingWidgetModel(int MovieId, string Title, double? Current, string ReturnUrl)
{
    /// <summary>0.5, 1.0, ... 5.0, highest first: the CSS colours a checked star and the ones after it in the markup.</summary>
    public static IReadOnlyList<double> ValuesHighestFirst { get; } = Enumerable.Range(1, 10).Reverse().Select(step => step / 2.0).ToList();
}
