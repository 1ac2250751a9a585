using Microsoft.Playwright;

namespace MovieRec.Tests.Browser;

/// <summary>
/// One test's browser: its own context (cookies) and a page. Uncaught script errors in the page are
/// collected; a test ends with <see cref="AssertNoScriptErrors"/> so a broken script cannot pass unseen.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly List<string> scriptErrors = [];

    private BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.PageError += (_, error) => { lock (scriptErrors) scriptErrors.Add(error); };
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }

    /// <summary>Requests with this session's cookies, outside the page (for checks through the JSON API).</summary>
    public IAPIRequestContext Api => Context.APIRequest;

    public static async Task<BrowserSession> OpenAsync(IBrowserContext context) => new(context, await context.NewPageAsync());

    public void AssertNoScriptErrors()
    {
        lock (scriptErrors) Assert.True(scriptErrors.Count == 0, "script errors in the page:\n" + string.Join("\n", scriptErrors));
    }

    public ValueTask DisposeAsync() => Context.DisposeAsync();
}
