using System.ComponentModel.DataAnnotations;

namespace MovieRec.Web.Configuration;

/// <summary>
/// The "Tmdb" section: posters from The Movie Database. Without <see cref="ApiKey"/> no request
/// ever leaves the app and every movie gets a generated poster (Posters/SvgPoster).
/// </summary>
public sealed class TmdbOptions
{
    public const string SectionName = "Tmdb";

    /// <summary>
    /// A TMDb API key (v3, sent as api_key) or API read access token (v4, a JWT with dots, sent as
    /// a Bearer header). Only letters, digits, '.', '_' and '-', so it can never break a URL or header.
    /// </summary>
    [RegularExpression("^[A-Za-z0-9._-]{16,1024}$", ErrorMessage = "Tmdb:ApiKey must be a TMDb API key or read access token (16 to 1024 letters, digits, '.', '_' or '-').")]
    public string? ApiKey { get; set; }

    [Url(ErrorMessage = "Tmdb:ApiBaseUrl must be an absolute http or https address.")]
    public string ApiBaseUrl { get; set; } = "https://api.themoviedb.org/3/";

    /// <summary>Short on purpose: a poster is worth less than a page that waits for it.</summary>
    [Range(1, 30, ErrorMessage = "Tmdb:TimeoutSeconds must be from 1 to 30.")]
    public int TimeoutSeconds { get; set; } = 3;

    /// <summary>After a failed request, TMDb is not asked again for this long: generated posters are served meanwhile.</summary>
    [Range(1, 86_400, ErrorMessage = "Tmdb:RetryAfterSeconds must be from 1 to 86400.")]
    public int RetryAfterSeconds { get; set; } = 300;

    /// <summary>The folder downloaded posters are kept in, relative to the working folder like the database.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Tmdb:CachePath must name a folder.")]
    public string CachePath { get; set; } = "data/posters";

    /// <summary>The most the poster folder may hold; the least recently served files go first.</summary>
    [Range(1, 100_000, ErrorMessage = "Tmdb:CacheMegabytes must be from 1 to 100000.")]
    public int CacheMegabytes { get; set; } = 200;

    /// <summary>One of the poster sizes TMDb's configuration lists (w92 ... w780, original).</summary>
    [RegularExpression("^(w[0-9]{2,4}|original)$", ErrorMessage = "Tmdb:PosterSize must be a TMDb poster size such as w342.")]
    public string PosterSize { get; set; } = "w342";

    public bool Enabled => !string.IsNullOrEmpty(ApiKey);
}
