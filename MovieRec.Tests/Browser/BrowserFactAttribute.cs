namespace MovieRec.Tests.Browser;

/// <summary>
/// A test that drives Chromium. Without /usr/bin/chromium it is reported as skipped, with the reason,
/// on a developer machine; under CI (CI=true) it runs and fails, because CI must have the browser.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!InstalledChromium.IsInstalled && !InstalledChromium.IsRequired)
            Skip = InstalledChromium.MissingReason;
    }
}
