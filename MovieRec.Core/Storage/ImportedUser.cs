namespace MovieRec.Core.Storage;

/// <summary>A dataset user to import with its MovieLens id.</summary>
public sealed record ImportedUser(int UserId, string Username)
{
    /// <summary>The name given to a MovieLens user who has no name of their own: "movielens-42".</summary>
    public static ImportedUser FromDataset(int userId) => new(userId, UsernameRules.DatasetPrefix + userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
