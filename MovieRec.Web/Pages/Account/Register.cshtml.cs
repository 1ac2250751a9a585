using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MovieRec.Core.Storage;
using MovieRec.Web.Accounts;

namespace MovieRec.Web.Pages.Account;

/// <summary>Create an account (username, password twice) and sign in with it.</summary>
[EnableRateLimiting(SignInRateLimits.RegisterPolicy)]
public class RegisterModel(AccountService accounts, InstallationIdentity installation) : PageModel
{
    [BindProperty] public string? Username { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    public List<string> Errors { get; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (UsernameRules.NewAccountProblem(Username) is { } nameProblem) Errors.Add(nameProblem);
        if (PasswordRules.Problem(Password) is { } passwordProblem) Errors.Add(passwordProblem);
        else if (Password != ConfirmPassword) Errors.Add("The two passwords differ.");
        if (Errors.Count > 0) return Page();

        try
        {
            var account = await accounts.RegisterAsync(Username!, Password!, cancellationToken);
            if (account is null)
            {
                Errors.Add("The server is busy checking passwords: try again in a moment.");
                Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return Page();
            }
            await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AccountClaims.Principal(account, installation.Id));
            return RedirectToPage("/Index");
        }
        catch (StoreValidationException error)
        {
            // Includes UsernameTakenException: "The username 'x' is already taken."
            Errors.Add(error.Message);
            return Page();
        }
    }
}
