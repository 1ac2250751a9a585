using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using MovieRec.Core.Storage;

namespace MovieRec.Web.Accounts;

/// <summary>
/// Checks each request's sign-in cookie (cookie authentication's OnValidatePrincipal, as ASP.NET
/// Core Identity's SecurityStampValidator does): the cookie must come from this installation and
/// carry the account's current security stamp, and the account must exist and not be locked out.
/// Roles come from the store, not from the cookie, so taking a role away takes effect without a new
/// sign-in. The account is read from the store at most once per <see cref="SessionCheckOptions.RecheckSeconds"/>
/// per account on this instance: a revocation made through this instance (logout, lockout) counts at
/// its next request, since the change calls <see cref="Forget"/>; one made elsewhere (another
/// instance on the store, `users set-password`) counts within that interval.
/// </summary>
public sealed class SessionValidator(
    IMovieRecStore store, IMemoryCache cache, InstallationIdentity installation, IOptions<SessionCheckOptions> options,
    TimeProvider time, ILogger<SessionValidator> logger)
{
    /// <summary>An account as read from the store, and when.</summary>
    private sealed record Check(UserAccount? Account, DateTimeOffset ReadAt);

    private readonly record struct CheckKey(int UserId);

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        int? userId = principal?.UserId();
        var account = userId is { } id ? await AccountAsync(id, context.HttpContext.RequestAborted) : null;
        string? problem = Problem(principal, account);
        if (problem is not null)
        {
            logger.LogInformation("Sign-in cookie for user {UserId} refused: {Reason}", userId, problem);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        // Roles (and the name) as the store has them now; the cookie's copy may be stale.
        if (!SameRolesAndName(principal!, account!))
        {
            context.ReplacePrincipal(AccountClaims.Principal(account!, installation.Id));
            context.ShouldRenew = true;
        }
    }

    /// <summary>Forgets the kept check of an account, so a change this process made counts at the next request.</summary>
    public void Forget(int userId) => cache.Remove(new CheckKey(userId));

    private string? Problem(ClaimsPrincipal? principal, UserAccount? account)
    {
        if (principal?.FindFirstValue(AccountClaims.InstallationType) != installation.Id)
            return "issued by another installation";
        if (account is null)
            return "no such account";
        if (principal.FindFirstValue(AccountClaims.SecurityStampType) is not { Length: > 0 } stamp || stamp != account.SecurityStamp)
            return "the account's security stamp changed (logout, password, role or lockout)";
        if (account.IsLockedOut(time.GetUtcNow()))
            return "the account is locked out";
        return null;
    }

    private async Task<UserAccount?> AccountAsync(int userId, CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.RecheckSeconds);
        if (interval == TimeSpan.Zero) return await store.Users.GetByIdAsync(userId, cancellationToken);
        var key = new CheckKey(userId);
        var now = time.GetUtcNow();
        // The read time is kept with the account and compared on the app's clock (the cache's own
        // expiry only frees memory), so the interval is one rule that a test can move time through.
        if (cache.TryGetValue(key, out Check? kept) && now - kept!.ReadAt < interval) return kept.Account;
        var account = await store.Users.GetByIdAsync(userId, cancellationToken);
        cache.Set(key, new Check(account, now), interval);
        return account;
    }

    /// <summary>Whether the cookie names the account as the store has it now, roles included (compared without allocating: it runs on every request).</summary>
    private static bool SameRolesAndName(ClaimsPrincipal principal, UserAccount account)
    {
        if (principal.Identity?.Name != account.Username) return false;
        int roles = 0;
        foreach (var claim in principal.Claims)
        {
            if (claim.Type != ClaimTypes.Role) continue;
            if (!account.IsInRole(claim.Value)) return false;
            roles++;
        }
        return roles == account.Roles.Count;
    }
}
