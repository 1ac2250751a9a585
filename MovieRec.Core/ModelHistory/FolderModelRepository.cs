using MovieRec.Core.Engine.ModelFormat;

namespace MovieRec.Core.ModelHistory;

/// <summary>
/// The history as a folder: VERSION.bin (the model file) and VERSION.json (its facts) side by side.
/// Both are written atomically, the model first, so a listing that sees the facts finds the model.
/// Point several instances at one shared folder and they share the history.
/// </summary>
public sealed class FolderModelRepository(string folder) : IModelRepository
{
    public string Folder { get; } = Path.GetFullPath(folder);

    public string Location => $"folder {Folder}";

    public string ModelPath(string version) => Path.Combine(Folder, ModelVersionNames.Require(version) + ".bin");

    private string FactsPath(string version) => Path.Combine(Folder, ModelVersionNames.Require(version) + ".json");

    public Task AddAsync(string modelFile, ModelVersionFacts facts, CancellationToken cancellationToken = default) => Task.Run(() =>
    {
        Directory.CreateDirectory(Folder);
        string target = ModelPath(facts.Version);
        if (!string.Equals(Path.GetFullPath(modelFile), target, StringComparison.Ordinal))
            AtomicCopy(modelFile, target);
        cancellationToken.ThrowIfCancellationRequested();
        AtomicFile.Replace(FactsPath(facts.Version), output =>
        {
            using var writer = new StreamWriter(output, leaveOpen: true);
            writer.Write(ModelFactsJson.Serialize(facts));
        }, static stream => stream);
    }, cancellationToken);

    public Task<IReadOnlyList<ModelVersionFacts>> ListAsync(CancellationToken cancellationToken = default) => Task.Run(() =>
    {
        if (!Directory.Exists(Folder)) return (IReadOnlyList<ModelVersionFacts>)[];
        var kept = new List<ModelVersionFacts>();
        foreach (string sidecar in Directory.EnumerateFiles(Folder, "*.json"))
        {
            if (ReadFacts(sidecar) is { } facts && File.Exists(ModelPath(facts.Version))) kept.Add(facts);
        }
        return ModelVersionNames.NewestFirst(kept);
    }, cancellationToken);

    public Task<ModelVersionFacts?> FindAsync(string version, CancellationToken cancellationToken = default)
    {
        string sidecar = FactsPath(version);
        var facts = File.Exists(sidecar) && File.Exists(ModelPath(version)) ? ReadFacts(sidecar) : null;
        return Task.FromResult(facts?.Version == version ? facts : null);
    }

    public Task CopyToAsync(string version, string destination, CancellationToken cancellationToken = default) => Task.Run(() =>
    {
        string source = ModelPath(version);
        if (!File.Exists(source)) throw new ModelVersionNotFoundException(version, Location);
        AtomicCopy(source, destination);
    }, cancellationToken);

    public Task DeleteAsync(string version, CancellationToken cancellationToken = default)
    {
        // The facts first: a version without them is no longer listed, even if removing the model fails.
        File.Delete(FactsPath(version));
        File.Delete(ModelPath(version));
        return Task.CompletedTask;
    }

    private static ModelVersionFacts? ReadFacts(string sidecar)
    {
        try
        {
            return ModelFactsJson.TryParse(File.ReadAllText(sidecar));
        }
        catch (IOException)
        {
            return null; // being replaced or removed by another process right now
        }
    }

    /// <summary>Copies a file so that readers of <paramref name="destination"/> see the old file or the whole new one.</summary>
    public static void AtomicCopy(string source, string destination)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(destination)) ?? ".";
        Directory.CreateDirectory(folder);
        AtomicFile.ReplaceWithCopy(source, destination);
    }
}
