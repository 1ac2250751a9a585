namespace MovieRec.Core.Storage;

/// <summary>How each store writes a <see cref="PersonList"/>: one stable name per list, never the enum's number.</summary>
internal static class PersonListNames
{
    public static string Of(PersonList list) => list switch
    {
        PersonList.Hidden => "hidden",
        PersonList.WatchList => "watchlist",
        _ => throw new ArgumentOutOfRangeException(nameof(list), list, "Not a person list."),
    };
}
