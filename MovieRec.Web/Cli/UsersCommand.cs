using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using MovieRec.Core.Storage;
using MovieRec.Web.Accounts;

namespace MovieRec.Web.Cli;

/// <summary>users set-password / users grant-admin: account administration from the shell.</summary>
public sealed class UsersCommand(IMovieRecStore store, IPasswordHasher<UserAccount> hasher, ILogger<UsersCommand> logger)
{
    public static Command Define(CommandActions actions)
    {
        var setPasswordUser = new Argument<string>("USER") { Description = "The user name." };
        var setPassword = actions.Bind<UsersCommand>(new Command("set-password",
            "Sets USER's password, read from standard input (one line) or typed without echo. This is how a dataset user, who has no password, becomes able to log in.")
        {
            setPasswordUser,
        }, (users, args, cancellationToken) => users.SetPasswordAsync(args.GetValue(setPasswordUser)!, cancellationToken));

        var grantAdminUser = new Argument<string>("USER") { Description = "The user name." };
        var grantAdmin = actions.Bind<UsersCommand>(new Command("grant-admin", "Gives USER the admin role (model reloads, the admin API, /metrics).")
        {
            grantAdminUser,
        }, (users, args, cancellationToken) => users.GrantAdminAsync(args.GetValue(grantAdminUser)!, cancellationToken));

        return new Command("users", "Account administration: users set-password USER, users grant-admin USER.") { setPassword, grantAdmin };
    }

    public async Task<int> SetPasswordAsync(string username, CancellationToken cancellationToken)
    {
        var account = await FindAsync(username, cancellationToken);
        string password = PasswordInput.Read(account.Username);
        if (PasswordRules.Problem(password) is { } problem) throw new UsageException(problem);

        // The same hasher (PBKDF2) the web app's login verifies with.
        await store.Users.SetPasswordHashAsync(account.UserId, hasher.HashPassword(account, password), cancellationToken);
        logger.LogInformation("Set the password of {Username} (user {UserId})", account.Username, account.UserId);
        return 0;
    }

    public async Task<int> GrantAdminAsync(string username, CancellationToken cancellationToken)
    {
        var account = await FindAsync(username, cancellationToken);
        await store.Users.GrantRoleAsync(account.UserId, RoleRules.Admin, cancellationToken);
        logger.LogInformation("Granted {Role} to {Username} (user {UserId})", RoleRules.Admin, account.Username, account.UserId);
        return 0;
    }

    private async Task<UserAccount> FindAsync(string username, CancellationToken cancellationToken) =>
        await store.Users.GetByNameAsync(username, cancellationToken) ?? throw new UsageException($"no user named \"{username}\"");
}
