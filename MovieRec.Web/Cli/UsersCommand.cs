using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using MovieRec.Core.Storage;
using MovieRec.Web.Accounts;
using Serilog;

namespace MovieRec.Web.Cli;

/// <summary>users set-password / users grant-admin: account administration from the shell.</summary>
public static class UsersCommand
{
    public const string Usage = """
        users set-password USER
          Sets USER's password, read from standard input (one line) or typed without echo. This is
          how a dataset user, who has no password, becomes able to log in.
        users grant-admin USER
          Gives USER the admin role (model reloads, the admin API).
        """;

    public static async Task<int> SetPasswordAsync(IReadOnlyList<string> rest, IConfiguration configuration)
    {
        string username = SingleUser(rest, "set-password");
        await using var store = await StoreAccess.OpenAsync(configuration);
        var account = await FindAsync(store, username);
        string password = PasswordInput.Read(account.Username);
        if (PasswordRules.Problem(password) is { } problem) throw new UsageException(problem);

        // The same hasher (PBKDF2) the web app's login verifies with.
        string hash = new PasswordHasher<UserAccount>().HashPassword(account, password);
        await store.Users.SetPasswordHashAsync(account.UserId, hash);
        Log.Information("Set the password of {Username} (user {UserId})", account.Username, account.UserId);
        return 0;
    }

    public static async Task<int> GrantAdminAsync(IReadOnlyList<string> rest, IConfiguration configuration)
    {
        string username = SingleUser(rest, "grant-admin");
        await using var store = await StoreAccess.OpenAsync(configuration);
        var account = await FindAsync(store, username);
        await store.Users.GrantRoleAsync(account.UserId, RoleRules.Admin);
        Log.Information("Granted {Role} to {Username} (user {UserId})", RoleRules.Admin, account.Username, account.UserId);
        return 0;
    }

    private static string SingleUser(IReadOnlyList<string> rest, string verb) => rest switch
    {
        [var name] when !name.StartsWith("--", StringComparison.Ordinal) => name,
        _ => throw new UsageException($"users {verb} takes one user name"),
    };

    private static async Task<UserAccount> FindAsync(IMovieRecStore store, string username) =>
        await store.Users.GetByNameAsync(username) ?? throw new UsageException($"no user named \"{username}\"");
}
