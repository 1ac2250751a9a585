using Microsoft.Playwright;

namespace MovieRec.Tests.Browser;

/// <summary>Full-page screenshots kept as test artefacts in &lt;repository&gt;/artifacts/screenshots/ (git-ignored).</summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public static async Task SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });
    }

    /// <summary>The folder holding MovieRec.sln, found above the test binaries.</summary>
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MovieRec.sln")))
                return folder.FullName;
        }
        throw new DirectoryNotFoundException($"MovieRec.sln was not found in any folder above {AppContext.BaseDirectory}");
    }
}
