namespace MovieRec.Tests.Browser;

/// <summary>
/// The browser test classes run one after another: each starts a server that imports and trains,
/// and on a two-core machine four of those at once take longer than four in a row.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection
{
    public const string Name = "Browser";
}
