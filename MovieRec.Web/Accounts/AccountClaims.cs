using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using MovieRec.Core.Storage;

namespace MovieRec.Web.Accounts;

/// <summary>What the sign-in cookie says about a person: their id, name and roles.</summary>
public static class AccountClaims
{
    public const string AdminPolicy = "admin";

    public static ClaimsPrincipal Principal(UserAccount account)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, account.Username),
        };
        claims.AddRange(account.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    /// <summary>The signed-in person's user id, or null when signed out.</summary>
    public static int? UserId(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out int id) ? id : null;
}
