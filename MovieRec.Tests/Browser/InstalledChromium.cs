using Microsoft.Playwright;

namespace MovieRec.Tests.Browser;

/// <summary>
/// Debian's Chromium, the only browser these tests use: Playwright's own browser download is never
/// used (no `playwright install`), so the tests run offline and on what CI installs with apt.
/// </summary>
public static class InstalledChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public const string MissingReason = "browser tests skipped: /usr/bin/chromium is not installed (apt-get install chromium)";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    /// <summary>CI must run the browser tests; only a developer machine may skip them.</summary>
    public static bool IsRequired => Environment.GetEnvironmentVariable("CI") == "true";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // No sandbox: CI runs as root, where Chromium refuses its sandbox. The rest keeps the
            // browser from phoning home (updates, sync, background fetches) during a test.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
}
