using Microsoft.Extensions.Logging;
using MongoDB.Driver;

namespace MovieRec.Core.Storage.Mongo;

internal sealed class MongoUserStore(MongoCollections collections, MongoUserIds userIds, ILogger logger, TimeProvider clock) : IUserStore
{
    // A duplicate _id means the counter was behind the stored ids; one lift fixes that, a few
    // tries cover registrations racing the same lift.
    private const int MaxIdAttempts = 5;

    private static readonly FindOptions NameLookup = new() { Collation = MongoIndexes.UsernameCollation };

    public async Task<UserAccount> CreateAsync(string username, string? passwordHash, IEnumerable<string>? roles = null, CancellationToken cancellationToken = default)
    {
        StoreValidation.Username(username);
        username = UsernameRules.Normalize(username); // stored in NFC, as it is looked up
        var roleList = StoreValidation.Roles(roles);
        // Looked up first so that the usual refusal does not use up an id; the unique index
        // still decides when two registrations of one name race.
        if (await GetByNameAsync(username, cancellationToken) is not null)
            throw new UsernameTakenException(username);
        for (var attempt = 0; attempt < MaxIdAttempts; attempt++)
        {
            var document = new UserDocument
            {
                Id = await userIds.NextAsync(cancellationToken),
                Username = username,
                PasswordHash = passwordHash,
                Roles = [.. roleList],
                CreatedAt = TruncateToMilliseconds(clock.GetUtcNow()).UtcDateTime,
                SecurityStamp = SecurityStamps.New(),
            };
            try
            {
                await collections.Users.InsertOneAsync(document, cancellationToken: cancellationToken);
                logger.LogInformation("Created user {UserId} ({Username})", document.Id, username);
                return document.ToAccount();
            }
            catch (MongoWriteException error) when (MongoErrors.IsDuplicateKey(error))
            {
                // The unique name index or _id refused it; the name lookup tells which.
                if (await GetByNameAsync(username, cancellationToken) is not null)
                    throw new UsernameTakenException(username);
                await userIds.RaiseAboveStoredUsersAsync(cancellationToken);
            }
        }
        throw new StoreException($"Could not find a free user id after {MaxIdAttempts} attempts.");
    }

    public async Task<UserAccount?> GetByIdAsync(int userId, CancellationToken cancellationToken = default)
    {
        var document = await collections.Users.Find(MongoQueries.UserById(userId)).FirstOrDefaultAsync(cancellationToken);
        return document?.ToAccount();
    }

    public async Task<UserAccount?> GetByNameAsync(string username, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(username))
            return null;
        var document = await collections.Users.Find(MongoQueries.UserByName(UsernameRules.Normalize(username)), NameLookup).FirstOrDefaultAsync(cancellationToken);
        return document?.ToAccount();
    }

    public Task SetPasswordHashAsync(int userId, string? passwordHash, CancellationToken cancellationToken = default) =>
        UpdateAsync(userId, MongoUpdates.SetPasswordHash(passwordHash, SecurityStamps.New()), cancellationToken);

    public Task GrantRoleAsync(int userId, string role, CancellationToken cancellationToken = default)
    {
        StoreValidation.Role(role);
        return UpdateAsync(userId, MongoUpdates.GrantRole(role, SecurityStamps.New()), cancellationToken);
    }

    public Task RevokeRoleAsync(int userId, string role, CancellationToken cancellationToken = default)
    {
        StoreValidation.Role(role);
        return UpdateAsync(userId, MongoUpdates.RevokeRole(role, SecurityStamps.New()), cancellationToken);
    }

    public Task RenewSecurityStampAsync(int userId, CancellationToken cancellationToken = default) =>
        UpdateAsync(userId, MongoUpdates.RenewSecurityStamp(SecurityStamps.New()), cancellationToken);

    public async Task<int> RecordFailedLoginAsync(int userId, CancellationToken cancellationToken = default)
    {
        var document = await collections.Users.FindOneAndUpdateAsync(
            MongoQueries.UserById(userId),
            MongoUpdates.CountFailedLogin(),
            new FindOneAndUpdateOptions<UserDocument> { ReturnDocument = ReturnDocument.After },
            cancellationToken);
        return document?.FailedLoginCount ?? throw StoreValidation.UnknownUser(userId);
    }

    public Task RecordSuccessfulLoginAsync(int userId, CancellationToken cancellationToken = default) =>
        UpdateAsync(userId, MongoUpdates.ResetFailedLogins(), cancellationToken);

    public Task SetLockoutEndAsync(int userId, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken = default) =>
        UpdateAsync(userId, MongoUpdates.SetLockoutEnd(lockoutEnd, SecurityStamps.New()), cancellationToken);

    public async Task<int> CountAsync(CancellationToken cancellationToken = default) =>
        (int)await collections.Users.CountDocumentsAsync(MongoQueries.AllUsers, cancellationToken: cancellationToken);

    public async Task<ImportCounts> ImportAsync(IEnumerable<ImportedUser> users, CancellationToken cancellationToken = default)
    {
        var all = users.ToList();
        foreach (var user in all)
            StoreValidation.ImportedUser(user);
        var distinct = DistinctWithinImport(all);

        // Without multi-document transactions, conflicts are looked for before the first write,
        // so that a refused import writes nothing.
        var toInsert = await WithoutAlreadyStoredAsync(distinct, cancellationToken);
        await RefuseNamesHeldByOthersAsync(toInsert, cancellationToken);

        var now = TruncateToMilliseconds(clock.GetUtcNow()).UtcDateTime;
        var documents = toInsert.Select(u => new UserDocument { Id = u.UserId, Username = u.Username, CreatedAt = now, SecurityStamp = SecurityStamps.New() }).ToList();
        if (documents.Count > 0)
            await collections.Users.InsertManyAsync(documents, new InsertManyOptions { IsOrdered = false }, cancellationToken);
        await userIds.RaiseAboveStoredUsersAsync(cancellationToken);

        var counts = new ImportCounts(documents.Count, all.Count - documents.Count);
        logger.LogInformation("Imported users: {Added} added, {AlreadyPresent} already present", counts.Added, counts.AlreadyPresent);
        return counts;
    }

    /// <summary>Collapses repeats of one user in the input; an id or a name given to two different users is an error.</summary>
    private static List<ImportedUser> DistinctWithinImport(List<ImportedUser> users)
    {
        var byId = new Dictionary<int, ImportedUser>();
        var idByName = new Dictionary<string, int>();
        foreach (var user in users)
        {
            var key = UsernameRules.Key(user.Username);
            if (byId.TryGetValue(user.UserId, out var earlier))
            {
                if (UsernameRules.Key(earlier.Username) != key)
                    throw new StoreValidationException($"User id {user.UserId} is given both to '{earlier.Username}' and '{user.Username}'.");
                continue;
            }
            if (idByName.TryGetValue(key, out var otherId))
                throw new StoreValidationException($"The username '{user.Username}' is given to both user {otherId} and user {user.UserId}.");
            byId.Add(user.UserId, user);
            idByName.Add(key, user.UserId);
        }
        return [.. byId.Values];
    }

    private async Task<List<ImportedUser>> WithoutAlreadyStoredAsync(List<ImportedUser> users, CancellationToken cancellationToken)
    {
        var stored = (await collections.Users.Find(MongoQueries.UsersByIds(users.Select(u => u.UserId))).ToListAsync(cancellationToken))
            .ToDictionary(d => d.Id);
        var remaining = new List<ImportedUser>();
        foreach (var user in users)
        {
            if (!stored.TryGetValue(user.UserId, out var holder))
                remaining.Add(user);
            else if (UsernameRules.Key(holder.Username) != UsernameRules.Key(user.Username))
                throw new StoreValidationException($"User id {user.UserId} already belongs to '{holder.Username}', not '{user.Username}'.");
        }
        return remaining;
    }

    private async Task RefuseNamesHeldByOthersAsync(List<ImportedUser> users, CancellationToken cancellationToken)
    {
        if (users.Count == 0)
            return;
        var taken = await collections.Users.Find(MongoQueries.UsersByNames(users.Select(u => u.Username)), NameLookup)
            .FirstOrDefaultAsync(cancellationToken);
        if (taken is not null)
            throw new UsernameTakenException(taken.Username);
    }

    private async Task UpdateAsync(int userId, UpdateDefinition<UserDocument> update, CancellationToken cancellationToken)
    {
        var result = await collections.Users.UpdateOneAsync(MongoQueries.UserById(userId), update, cancellationToken: cancellationToken);
        if (result.MatchedCount == 0)
            throw StoreValidation.UnknownUser(userId);
    }

    // BSON dates hold milliseconds; truncating first makes the returned account equal the stored one.
    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset instant) =>
        DateTimeOffset.FromUnixTimeMilliseconds(instant.ToUnixTimeMilliseconds());
}
