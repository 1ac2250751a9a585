using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using MovieRec.Core.Storage;

namespace MovieRec.Web.Accounts;

/// <summary>
/// What the sign-in cookie says about a person: their id, name and roles, the account's security
/// stamp when the cookie was issued, and the installation that issued it. The stamp and the
/// installation are checked against the store on each request (<see cref="SessionValidator"/>).
/// </summary>
public static class AccountClaims
{
    public const string AdminPolicy = "admin";
    public const string SecurityStampType = "movierec:security-stamp";
    public const string InstallationType = "movierec:installation";

    public static ClaimsPrincipal Principal(UserAccount account, string installationId)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, account.Username),
            new(SecurityStampType, account.SecurityStamp),
            new(InstallationType, installationId),
        };
        claims.AddRange(account.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    /// <summary>The signed-in person's user id, or null when signed out.</summary>
    public static int? UserId(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out int id) ? id : null;
}
