using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MovieRec.Web.Accounts;

namespace MovieRec.Web.Pages.Account;

/// <summary>
/// Log out by POST only (with the antiforgery token), so that a link or image on another site
/// cannot sign anyone out. A GET shows the button.
/// </summary>
public class LogoutModel(AccountService accounts) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // A new security stamp ends this session everywhere: a copy of the cookie saved before
        // the logout no longer signs anyone in.
        if (User.UserId() is { } userId)
            await accounts.LogOutEverywhereAsync(userId, cancellationToken);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return RedirectToPage("/Index");
    }
}
