namespace MovieRec.Tests;

/// <summary>
/// Where the tests find their data. The MovieLens datasets are not in the repository: they live in a
/// shared/datasets folder beside it (on a developer machine next to the worktrees, in CI next to the
/// clone), so it is looked for in every folder above the test binaries.
/// </summary>
public static class TestPaths
{
    public static string MlLatestSmall => SharedDataset("ml-latest-small");

    /// <summary>train.csv and test.csv: ml-latest-small's ratings split in two.</summary>
    public static string MlLatestSmallSplit => SharedDataset("ml-latest-small-split");

    /// <summary>The small hand-written files of MovieRec.Tests/Fixtures, copied next to the test binaries.</summary>
    public static string Fixture(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    private static string SharedDataset(string name)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, "shared", "datasets", name);
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException(
            $"shared/datasets/{name} was not found in any folder above {AppContext.BaseDirectory}; " +
            "the tests expect the shared datasets folder beside the repository.");
    }
}
