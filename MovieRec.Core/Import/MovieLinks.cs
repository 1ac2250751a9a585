namespace MovieRec.Core.Import;

/// <summary>One row of links.csv. ImdbId stays text: IMDb ids have leading zeros ("0114709").</summary>
internal readonly record struct MovieLinks(string? ImdbId, int? TmdbId);
