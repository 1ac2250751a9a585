using System.ComponentModel.DataAnnotations;

namespace MovieRec.Web.Configuration;

/// <summary>
/// The "Cache" section: how much the in-memory cache of movie records and lists may hold and for
/// how long. Sizes count entries: one movie record, or one list, is one.
/// </summary>
public sealed class CacheOptions
{
    public const string SectionName = "Cache";

    [Range(100, 10_000_000, ErrorMessage = "Cache:SizeLimit must be from 100 to 10000000 entries.")]
    public int SizeLimit { get; set; } = 50_000;

    [Range(1, 86_400, ErrorMessage = "Cache:MovieSeconds must be from 1 to 86400.")]
    public int MovieSeconds { get; set; } = 300;

    [Range(1, 86_400, ErrorMessage = "Cache:PopularSeconds must be from 1 to 86400.")]
    public int PopularSeconds { get; set; } = 30;

    [Range(1, 86_400, ErrorMessage = "Cache:SimilarSeconds must be from 1 to 86400.")]
    public int SimilarSeconds { get; set; } = 600;
}
