namespace MovieRec.Core.Import;

/// <summary>The files of one dataset folder, as full paths; the optional ones are null when absent.</summary>
internal sealed record DatasetFiles(
    string Directory,
    DatasetFormat Format,
    string Ratings,
    string Movies,
    string? Tags = null,
    string? Links = null,
    string? Users = null);
