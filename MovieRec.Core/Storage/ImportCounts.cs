namespace MovieRec.Core.Storage;

/// <summary>What a bulk import did: rows added, and rows skipped because they were already stored.</summary>
public readonly record struct ImportCounts(long Added, long AlreadyPresent)
{
    public static ImportCounts operator +(ImportCounts a, ImportCounts b) =>
        new(a.Added + b.Added, a.AlreadyPresent + b.AlreadyPresent);
}

/// <summary>How many rows a bulk import commits at once: big enough to amortise a commit, small enough to keep the journal small.</summary>
public static class ImportBatch
{
    public const int Size = 50_000;
}
