using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MovieRec.Web.Pages;

public class IndexModel : PageModel
{
    public void OnGet() { }
}
