namespace MovieRec.Tests.Storage.Contract;

/// <summary>The import marker: begun before an import's first write, completed after its last.</summary>
public abstract partial class StoreContractTests
{
    [StoreFact]
    public async Task TheImportMarker_IsAbsent_ThenIncomplete_ThenComplete_AndABeginStartsItAfresh()
    {
        Assert.Null(await Store.Imports.LastAsync());

        await Store.Imports.BeginAsync("/datasets/one");
        var begun = await Store.Imports.LastAsync();
        Assert.Equal(("/datasets/one", false), (begun!.Dataset, begun.IsComplete));
        Assert.InRange(begun.StartedAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));

        await Store.Imports.CompleteAsync();
        Assert.True((await Store.Imports.LastAsync())!.IsComplete);

        await Store.Imports.BeginAsync("/datasets/two");
        var again = await Store.Imports.LastAsync();
        Assert.Equal(("/datasets/two", false), (again!.Dataset, again.IsComplete));
    }
}
