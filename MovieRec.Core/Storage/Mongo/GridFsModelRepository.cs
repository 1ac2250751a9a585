using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.GridFS;
using MovieRec.Core.ModelHistory;

namespace MovieRec.Core.Storage.Mongo;

/// <summary>
/// The model history in MongoDB GridFS (bucket "models"): one GridFS file per version, named by the
/// version, with its facts in the metadata. GridFS writes the file's document after its last chunk,
/// so a version is listed only once it is whole; every instance on the database reads the same bucket.
/// </summary>
internal sealed class GridFsModelRepository(IMongoDatabase database) : IModelRepository
{
    private readonly GridFSBucket _bucket = new(database, new GridFSBucketOptions
    {
        BucketName = MongoModelDefinitions.BucketName,
        WriteConcern = MongoCollections.DurableWrites,
    });

    public string Location => $"GridFS bucket {MongoModelDefinitions.BucketName} of database {database.DatabaseNamespace.DatabaseName}";

    public async Task AddAsync(string modelFile, ModelVersionFacts facts, CancellationToken cancellationToken = default)
    {
        if (await FindFileAsync(facts.Version, cancellationToken) is not null) return; // the same file, by its name's checksum
        await using var input = new FileStream(modelFile, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, useAsync: true);
        await _bucket.UploadFromStreamAsync(facts.Version, input, MongoModelDefinitions.Upload(ModelFactsJson.Serialize(facts)), cancellationToken);
    }

    public async Task<IReadOnlyList<ModelVersionFacts>> ListAsync(CancellationToken cancellationToken = default)
    {
        using var cursor = await _bucket.FindAsync(MongoModelDefinitions.AllModelFiles,
            new GridFSFindOptions { Sort = MongoModelDefinitions.NewestFirst }, cancellationToken);
        var files = await cursor.ToListAsync(cancellationToken);
        // Two uploads of one version (two instances publishing the same file at once) list once.
        return ModelVersionNames.NewestFirst(files.Select(Facts).OfType<ModelVersionFacts>().DistinctBy(f => f.Version));
    }

    public async Task<ModelVersionFacts?> FindAsync(string version, CancellationToken cancellationToken = default) =>
        await FindFileAsync(ModelVersionNames.Require(version), cancellationToken) is { } file ? Facts(file) : null;

    public async Task CopyToAsync(string version, string destination, CancellationToken cancellationToken = default)
    {
        var file = await FindFileAsync(ModelVersionNames.Require(version), cancellationToken)
                   ?? throw new ModelVersionNotFoundException(version, Location);
        // Downloaded beside the destination and renamed over it: readers see the old file or the whole new one.
        string folder = Path.GetDirectoryName(Path.GetFullPath(destination)) ?? ".";
        Directory.CreateDirectory(folder);
        string temporary = Path.Combine(folder, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}.download");
        try
        {
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16, useAsync: true))
            {
                await _bucket.DownloadToStreamAsync(file.Id, output, cancellationToken: cancellationToken);
                await output.FlushAsync(cancellationToken);
                output.Flush(flushToDisk: true);
            }
            File.Move(temporary, destination, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    public async Task DeleteAsync(string version, CancellationToken cancellationToken = default)
    {
        using var cursor = await _bucket.FindAsync(MongoModelDefinitions.ModelFile(ModelVersionNames.Require(version)), cancellationToken: cancellationToken);
        foreach (var file in await cursor.ToListAsync(cancellationToken))
        {
            try
            {
                await _bucket.DeleteAsync(file.Id, cancellationToken);
            }
            catch (GridFSFileNotFoundException)
            {
                // Another instance pruned it first.
            }
        }
    }

    private async Task<GridFSFileInfo?> FindFileAsync(string version, CancellationToken cancellationToken)
    {
        using var cursor = await _bucket.FindAsync(MongoModelDefinitions.ModelFile(version),
            new GridFSFindOptions { Limit = 1 }, cancellationToken);
        return await cursor.FirstOrDefaultAsync(cancellationToken);
    }

    private static ModelVersionFacts? Facts(GridFSFileInfo file) =>
        file.Metadata is { } metadata && metadata.TryGetValue(MongoModelDefinitions.FactsField, out var facts) && facts.IsBsonDocument
            ? ModelFactsJson.TryParse(facts.AsBsonDocument.ToJson(new MongoDB.Bson.IO.JsonWriterSettings { OutputMode = MongoDB.Bson.IO.JsonOutputMode.RelaxedExtendedJson }))
            : null;
}
