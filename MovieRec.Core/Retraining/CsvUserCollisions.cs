using MovieRec.Core.Storage;

namespace MovieRec.Core.Retraining;

/// <summary>A CSV to merge names users whose ids belong to people who registered in the app.</summary>
public sealed class CsvUserCollisionException(IReadOnlyList<int> userIds, string message) : InvalidOperationException(message)
{
    public IReadOnlyList<int> UserIds { get; } = userIds;
}

/// <summary>How the users of an extra CSV relate to the store's accounts.</summary>
/// <param name="DatasetUsers">Ids of imported dataset users: the store has held their ratings since import, so the CSV's are not merged (a rating deleted in the app stays deleted).</param>
/// <param name="RegisteredUsers">Ids of accounts registered in the app: a different person unless the operator says otherwise.</param>
public sealed record CsvUsers(IReadOnlySet<int> DatasetUsers, IReadOnlyList<int> RegisteredUsers)
{
    /// <summary>How many colliding ids the refusal lists before "and N more".</summary>
    public const int IdsNamed = 20;

    /// <summary>Sorts the CSV's distinct user ids by what the store knows of them (one lookup each).</summary>
    public static async Task<CsvUsers> ClassifyAsync(IUserStore users, IEnumerable<int> csvUserIds, CancellationToken cancellationToken = default)
    {
        var dataset = new HashSet<int>();
        var registered = new List<int>();
        foreach (int userId in csvUserIds.Distinct().Order())
        {
            var account = await users.GetByIdAsync(userId, cancellationToken);
            if (account is null) continue;
            if (account.IsDatasetUser) dataset.Add(userId);
            else registered.Add(userId);
        }
        return new CsvUsers(dataset, registered);
    }

    /// <summary>The refusal of a CSV whose user ids belong to registered accounts, naming them.</summary>
    public CsvUserCollisionException Refusal(string csvPath)
    {
        string named = string.Join(", ", RegisteredUsers.Take(IdsNamed));
        string more = RegisteredUsers.Count > IdsNamed ? $" and {RegisteredUsers.Count - IdsNamed} more" : "";
        return new CsvUserCollisionException(RegisteredUsers,
            $"{csvPath} has ratings by user ids that belong to accounts registered in the app: {named}{more}. " +
            "Merging would add them to those people's ratings. Pass --csv-users-are-dataset-users if they are the same people, " +
            "or retrain on the store alone (no --csv-path).");
    }
}
