using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MovieRec.Web.Pages.Account;

/// <summary>Where a signed-in person lands when a page needs a role they do not have.</summary>
public class AccessDeniedModel : PageModel
{
    public void OnGet() { }
}
