using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using MovieRec.Core.Storage;

namespace MovieRec.Web.Accounts;

/// <summary>
/// Checks each request's sign-in cookie against the store: the cookie must come from this
/// installation and carry the account's current security stamp, and the account must exist and
/// not be locked out. Roles come from the store, not from the cookie, so taking a role away takes
/// effect without a new sign-in. One store read per account per <see cref="SessionCheckOptions.RecheckSeconds"/>.
/// </summary>
public sealed class SessionValidator(
    IMovieRecStore store, IMemoryCache cache, InstallationIdentity installation, IOptions<SessionCheckOptions> options,
    TimeProvider time, ILogger<SessionValidator> logger)
{
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
        var current = AccountClaims.Principal(account!, installation.Id);
        if (!SameRolesAndName(principal!, current))
        {
            context.ReplacePrincipal(current);
            context.ShouldRenew = true;
        }
    }

    /// <summary>Forgets the cached check of an account, so a change this process made counts at the next request.</summary>
    public void Forget(int userId) => cache.Remove(CacheKey(userId));

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
        int seconds = options.Value.RecheckSeconds;
        if (seconds == 0) return await store.Users.GetByIdAsync(userId, cancellationToken);
        return await cache.GetOrCreateAsync(CacheKey(userId), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(seconds);
            return store.Users.GetByIdAsync(userId, cancellationToken);
        });
    }

    private static bool SameRolesAndName(ClaimsPrincipal a, ClaimsPrincipal b) =>
        a.Identity?.Name == b.Identity?.Name &&
        a.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal)
            .SequenceEqual(b.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal));

    private static string CacheKey(int userId) => "session-account:" + userId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
