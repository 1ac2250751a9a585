using System.Net;

namespace MovieRec.Tests.Web;

/// <summary>Pages answer errors with an HTML status page in the layout; the API keeps problem details.</summary>
public class ErrorPageTests(MovieRecAppFactory app) : IClassFixture<MovieRecAppFactory>
{
    [Theory]
    [InlineData("/nope", "There is nothing at this address.")]
    [InlineData("/Movies/Details/99999999", "There is no movie with id 99999999.")]
    public async Task A_missing_page_is_a_404_page_in_the_layout(string url, string sentence)
    {
        var response = await app.CreateBrowser().GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        string html = await response.Content.ReadAsStringAsync();
        Assert.Contains("aria-label=\"Main\"", html);
        Assert.Contains("404 · Not Found", html);
        Assert.Contains(sentence, html);
    }

    [Fact]
    public async Task The_api_keeps_problem_details_for_a_missing_address()
    {
        var response = await app.CreateBrowser().GetAsync("/api/nope");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_form_posted_without_its_token_is_a_400_page_that_says_what_to_do()
    {
        var client = app.CreateBrowser();
        var response = await client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Username"] = "x", ["Password"] = "y" }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        string html = await response.Content.ReadAsStringAsync();
        Assert.Contains("aria-label=\"Main\"", html);
        Assert.Contains("400 · Bad Request", html);
        Assert.Contains("reload the page and send the form again", html);
    }

    [Fact]
    public async Task A_server_failure_page_shows_a_correlation_id_and_no_stack()
    {
        // Opened directly, the status page answers with the status in its address.
        var response = await app.CreateBrowser().GetAsync("/Error/500");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        string html = await response.Content.ReadAsStringAsync();
        Assert.Contains("quote this reference", html);
        Assert.Matches("<code[^>]*>[0-9a-f-]{16,}</code>|<code[^>]*>[A-Z0-9:]+</code>", html);
        Assert.DoesNotContain("Exception", html);
    }

    [Fact]
    public async Task The_favicon_is_served()
    {
        var client = app.CreateBrowser();
        var ico = await client.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, ico.StatusCode);
        Assert.Equal((byte[])[0, 0, 1, 0], (await ico.Content.ReadAsByteArrayAsync())[..4]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/favicon.svg")).StatusCode);
        Assert.Contains("rel=\"icon\"", await client.GetStringAsync("/"));
    }
}
