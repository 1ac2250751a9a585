namespace MovieRec.Web.Pages.Shared;

/// <summary>What the hide and watch-list buttons of a movie card need: the movie and whether it is on each list now.</summary>
public sealed record PersonListButtonsModel(int MovieId, string Title, bool OnWatchList, string ReturnUrl, bool CanHide = true);
