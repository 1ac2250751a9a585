using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace MovieRec.Core.Storage.Sqlite;

internal sealed class SqliteUserStore(SqliteConnections connections, ILogger logger, TimeProvider clock) : IUserStore
{
    private const string UserColumns = """
        u.user_id, u.username, u.password_hash, u.failed_login_count, u.lockout_end_ms, u.created_at_ms,
        (SELECT json_group_array(r.role ORDER BY r.role) FROM user_roles r WHERE r.user_id = u.user_id),
        u.security_stamp
        """;

    // Every change that ends sessions sets a fresh stamp in the same statement as the change.
    private const string NewStamp = "security_stamp = $stamp";

    public async Task<UserAccount> CreateAsync(string username, string? passwordHash, IEnumerable<string>? roles = null, CancellationToken cancellationToken = default)
    {
        StoreValidation.Username(username);
        username = UsernameRules.Normalize(username); // stored in NFC; the key is NFC too
        var roleList = StoreValidation.Roles(roles);

        using var writing = await connections.EnterWriteAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginWrite();
        // The write lock is held from BEGIN IMMEDIATE on, so the name check and the new id
        // (one above the highest, dataset users included) cannot race another registration.
        if (await FindIdByNameAsync(connection, transaction, username, cancellationToken) is not null)
            throw new UsernameTakenException(username);

        await using var insert = connection.Command("""
                INSERT INTO users (user_id, username, username_key, password_hash, failed_login_count, lockout_end_ms, created_at_ms, security_stamp)
                VALUES ((SELECT COALESCE(MAX(user_id), 0) + 1 FROM users), $username, $key, $hash, 0, NULL, $now, $stamp)
                RETURNING user_id
                """, transaction)
            .With("$username", username)
            .With("$key", UsernameRules.Key(username))
            .With("$hash", passwordHash)
            .With("$now", clock.GetUtcNow().ToUnixTimeMilliseconds())
            .With("$stamp", SecurityStamps.New());
        var userId = Convert.ToInt32(await insert.ExecuteScalarAsync(cancellationToken));
        foreach (var role in roleList)
            await InsertRoleAsync(connection, transaction, userId, role, cancellationToken);
        transaction.Commit();

        logger.LogInformation("Created user {UserId} ({Username})", userId, username);
        return (await GetByIdAsync(userId, cancellationToken))!;
    }

    public async Task<UserAccount?> GetByIdAsync(int userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {UserColumns} FROM users u WHERE u.user_id = $id").With("$id", userId);
        return await ReadSingleAsync(command, cancellationToken);
    }

    public async Task<UserAccount?> GetByNameAsync(string username, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(username))
            return null;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {UserColumns} FROM users u WHERE u.username_key = $key")
            .With("$key", UsernameRules.Key(username));
        return await ReadSingleAsync(command, cancellationToken);
    }

    public Task SetPasswordHashAsync(int userId, string? passwordHash, CancellationToken cancellationToken = default) =>
        UpdateAsync(userId, $"UPDATE users SET password_hash = $value, {NewStamp} WHERE user_id = $id", passwordHash, cancellationToken);

    public async Task GrantRoleAsync(int userId, string role, CancellationToken cancellationToken = default)
    {
        StoreValidation.Role(role);
        using var writing = await connections.EnterWriteAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginWrite();
        await EnsureUserExistsAsync(connection, transaction, userId, cancellationToken);
        await InsertRoleAsync(connection, transaction, userId, role, cancellationToken);
        await RenewStampAsync(connection, transaction, userId, cancellationToken);
        transaction.Commit();
        logger.LogInformation("Granted role {Role} to user {UserId}", role, userId);
    }

    public async Task RevokeRoleAsync(int userId, string role, CancellationToken cancellationToken = default)
    {
        StoreValidation.Role(role);
        using var writing = await connections.EnterWriteAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginWrite();
        await EnsureUserExistsAsync(connection, transaction, userId, cancellationToken);
        await using var delete = connection.Command("DELETE FROM user_roles WHERE user_id = $id AND role = $role", transaction)
            .With("$id", userId)
            .With("$role", role);
        await delete.ExecuteNonQueryAsync(cancellationToken);
        await RenewStampAsync(connection, transaction, userId, cancellationToken);
        transaction.Commit();
        logger.LogInformation("Revoked role {Role} from user {UserId}", role, userId);
    }

    public Task RenewSecurityStampAsync(int userId, CancellationToken cancellationToken = default) =>
        UpdateAsync(userId, $"UPDATE users SET {NewStamp} WHERE user_id = $id", null, cancellationToken);

    private static async Task RenewStampAsync(SqliteConnection connection, SqliteTransaction transaction, int userId, CancellationToken cancellationToken)
    {
        await using var command = connection.Command($"UPDATE users SET {NewStamp} WHERE user_id = $id", transaction)
            .With("$id", userId)
            .With("$stamp", SecurityStamps.New());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> RecordFailedLoginAsync(int userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // One statement: the increment is atomic however many login attempts arrive at once.
        await using var command = connection.Command(
                "UPDATE users SET failed_login_count = failed_login_count + 1 WHERE user_id = $id RETURNING failed_login_count")
            .With("$id", userId);
        var count = await command.ExecuteScalarAsync(cancellationToken);
        return count is null ? throw StoreValidation.UnknownUser(userId) : Convert.ToInt32(count);
    }

    public Task RecordSuccessfulLoginAsync(int userId, CancellationToken cancellationToken = default) =>
        UpdateAsync(userId, "UPDATE users SET failed_login_count = 0, lockout_end_ms = NULL WHERE user_id = $id", null, cancellationToken);

    public Task SetLockoutEndAsync(int userId, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken = default) =>
        UpdateAsync(userId,
            lockoutEnd is null
                ? "UPDATE users SET lockout_end_ms = $value WHERE user_id = $id"
                : $"UPDATE users SET lockout_end_ms = $value, {NewStamp} WHERE user_id = $id",
            lockoutEnd?.ToUnixTimeMilliseconds(), cancellationToken);

    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT COUNT(*) FROM users");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
    }

    public async Task<ImportCounts> ImportAsync(IEnumerable<ImportedUser> users, CancellationToken cancellationToken = default)
    {
        // Dataset users number in the hundreds of thousands at most: validate all, write in one transaction.
        var all = users.ToList();
        foreach (var user in all)
            StoreValidation.ImportedUser(user);

        using var writing = await connections.EnterWriteAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginWrite();
        await using var insert = connection.Command("""
            INSERT INTO users (user_id, username, username_key, password_hash, failed_login_count, lockout_end_ms, created_at_ms, security_stamp)
            VALUES ($id, $username, $key, NULL, 0, NULL, $now, lower(hex(randomblob(16))))
            ON CONFLICT DO NOTHING
            """, transaction);
        var id = insert.Parameter("$id", SqliteType.Integer);
        var name = insert.Parameter("$username", SqliteType.Text);
        var key = insert.Parameter("$key", SqliteType.Text);
        insert.With("$now", clock.GetUtcNow().ToUnixTimeMilliseconds());

        var counts = new ImportCounts();
        foreach (var user in all)
        {
            cancellationToken.ThrowIfCancellationRequested();
            id.Value = user.UserId;
            name.Value = user.Username;
            key.Value = UsernameRules.Key(user.Username);
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                counts += new ImportCounts(1, 0);
                continue;
            }
            // Nothing inserted: either this very user is already here (a second import), or the
            // id or the name belongs to someone else, which must not pass silently.
            await EnsureSameUserAsync(connection, transaction, user, cancellationToken);
            counts += new ImportCounts(0, 1);
        }
        transaction.Commit();
        logger.LogInformation("Imported users: {Added} added, {AlreadyPresent} already present", counts.Added, counts.AlreadyPresent);
        return counts;
    }

    private static async Task EnsureSameUserAsync(SqliteConnection connection, SqliteTransaction transaction, ImportedUser user, CancellationToken cancellationToken)
    {
        await using var byId = connection.Command("SELECT username FROM users WHERE user_id = $id", transaction).With("$id", user.UserId);
        var holder = (string?)await byId.ExecuteScalarAsync(cancellationToken);
        if (holder is null)
            throw new UsernameTakenException(user.Username);
        if (UsernameRules.Key(holder) != UsernameRules.Key(user.Username))
            throw new StoreValidationException($"User id {user.UserId} already belongs to '{holder}', not '{user.Username}'.");
    }

    private async Task UpdateAsync(int userId, string sql, object? value, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // $stamp is bound for every update; statements that do not renew the stamp leave it unused.
        await using var command = connection.Command(sql).With("$id", userId).With("$value", value).With("$stamp", SecurityStamps.New());
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
            throw StoreValidation.UnknownUser(userId);
    }

    private static async Task<int?> FindIdByNameAsync(SqliteConnection connection, SqliteTransaction transaction, string username, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT user_id FROM users WHERE username_key = $key", transaction)
            .With("$key", UsernameRules.Key(username));
        var id = await command.ExecuteScalarAsync(cancellationToken);
        return id is null ? null : Convert.ToInt32(id);
    }

    private static async Task EnsureUserExistsAsync(SqliteConnection connection, SqliteTransaction transaction, int userId, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT 1 FROM users WHERE user_id = $id", transaction).With("$id", userId);
        if (await command.ExecuteScalarAsync(cancellationToken) is null)
            throw StoreValidation.UnknownUser(userId);
    }

    private static async Task InsertRoleAsync(SqliteConnection connection, SqliteTransaction transaction, int userId, string role, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("INSERT INTO user_roles (user_id, role) VALUES ($id, $role) ON CONFLICT DO NOTHING", transaction)
            .With("$id", userId)
            .With("$role", role);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<UserAccount?> ReadSingleAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return new UserAccount(
            UserId: reader.GetInt32(0),
            Username: reader.GetString(1),
            PasswordHash: reader.IsDBNull(2) ? null : reader.GetString(2),
            Roles: SqliteCommands.StringsFromJson(reader.GetString(6)),
            FailedLoginCount: reader.GetInt32(3),
            LockoutEnd: reader.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
            CreatedAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
            SecurityStamp: reader.GetString(7));
    }
}
