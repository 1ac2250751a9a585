namespace MovieRec.Tests.Browser;

/// <summary>
/// The browser test classes share one server and one Chromium and run one after another. A server
/// start imports ml-latest-small and trains a model (several seconds on a busy two-core machine),
/// so one start per class would cost more than all the tests together. Tests stay independent:
/// each opens a fresh browser context (no shared cookies) and registers its own accounts.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserAppFixture>
{
    public const string Name = "Browser";
}
