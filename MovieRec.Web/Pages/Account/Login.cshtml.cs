using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MovieRec.Web.Accounts;

namespace MovieRec.Web.Pages.Account;

/// <summary>Log in with name and password; a returnUrl is followed only when it points inside this site.</summary>
[EnableRateLimiting(SignInRateLimits.LoginPolicy)]
public class LoginModel(AccountService accounts, InstallationIdentity installation) : PageModel
{
    [BindProperty] public string? Username { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Username) || string.IsNullOrEmpty(Password) || Password.Length > PasswordRules.MaxLength)
        {
            Error = "Enter your username and password.";
            return Page();
        }
        var result = await accounts.LogInAsync(Username, Password, cancellationToken);
        switch (result.Outcome)
        {
            case LoginOutcome.LockedOut:
                Error = $"Too many failed logins: this account is locked until {result.LockedUntil:HH:mm} UTC.";
                return Page();
            case LoginOutcome.Throttled:
                Error = "Too many login attempts for this username: wait a minute and try again.";
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return Page();
            case LoginOutcome.Busy:
                Error = "The server is busy checking passwords: try again in a moment.";
                Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return Page();
            case LoginOutcome.Refused:
                // The same words for an unknown name and a wrong password: do not confirm which names exist.
                Error = "That username and password do not match.";
                return Page();
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AccountClaims.Principal(result.Account!, installation.Id));
        // LocalRedirect refuses absolute and protocol-relative URLs: no open redirect to another site.
        return !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage("/Index");
    }
}
