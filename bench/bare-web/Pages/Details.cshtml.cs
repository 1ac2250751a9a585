using Microsoft.AspNetCore.Mvc.RazorPages;

/// <summary>Rows enough to make the page about BARE_PAGE_BYTES long (each row renders about 123 bytes).</summary>
public sealed class BareDetailsModel : PageModel
{
    private static readonly int RowCount = Math.Max(1, (int.TryParse(Environment.GetEnvironmentVariable("BARE_PAGE_BYTES"), out int bytes) ? bytes : 12_000) / 123);

    public string Title => "Toy Story (1995)";

    public IEnumerable<(int Id, string Title, string Text)> Rows =>
        Enumerable.Range(1, RowCount).Select(i => (i, $"Similar movie number {i}", "people who liked one liked the other"));
}
