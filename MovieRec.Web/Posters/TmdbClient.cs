using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using MovieRec.Web.Configuration;

namespace MovieRec.Web.Posters;

/// <summary>
/// The three TMDb requests posters need: the image base address (from /configuration), a movie's poster path (/movie/{id}), and the picture itself. Failures are thrown as
/// <see cref="TmdbException"/> to <see cref="PosterService"/>, which bounds the time and decides.
/// </summary>
public sealed class TmdbClient(HttpClient http, IOptions<TmdbOptions> options)
{
    public const string HttpClientName = "tmdb";

    /// <summary>Pictures larger than this are refused: a poster is tens of kilobytes.</summary>
    public const int MaxImageBytes = 5 * 1024 * 1024;

    private readonly TmdbOptions _options = options.Value;

    /// <summary>images.secure_base_url of /configuration, e.g. "https://image.tmdb.org/t/p/".</summary>
    public async Task<string> ImageBaseAsync(CancellationToken cancellationToken)
    {
        var configuration = await GetJsonAsync<ConfigurationDto>("configuration", cancellationToken);
        string? secure = configuration?.Images?.SecureBaseUrl;
        if (string.IsNullOrEmpty(secure) || !Uri.TryCreate(secure, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            throw new TmdbException("TMDb's /configuration gave no https image address.");
        return secure.EndsWith('/') ? secure : secure + "/";
    }

    /// <summary>The movie's poster_path ("/abc.jpg"), or null when TMDb has no poster for it.</summary>
    public async Task<string?> PosterPathAsync(int tmdbId, CancellationToken cancellationToken)
    {
        MovieDto? movie;
        try
        {
            movie = await GetJsonAsync<MovieDto>($"movie/{tmdbId}", cancellationToken);
        }
        catch (TmdbException error) when (error.StatusCode == 404)
        {
            return null; // TMDb does not know the id: no poster, not a failure
        }
        string? path = movie?.PosterPath;
        // A path is one file name; anything else is not used to build an address.
        return path is { Length: > 1 } && path[0] == '/' && path[1..].All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-') ? path : null;
    }

    public async Task<(byte[] Bytes, string ContentType)> DownloadAsync(string imageBase, string posterPath, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, imageBase + _options.PosterSize + posterPath);
        using var response = await SendAsync(request, cancellationToken);
        string contentType = response.Content.Headers.ContentType?.MediaType ?? "";
        if (contentType is not ("image/jpeg" or "image/png" or "image/webp"))
            throw new TmdbException($"TMDb answered a poster with {(contentType.Length == 0 ? "no type" : contentType)}, not an image.");
        if (response.Content.Headers.ContentLength > MaxImageBytes)
            throw new TmdbException("TMDb's poster is larger than 5 MB.");
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (bytes.Length is 0 or > MaxImageBytes)
            throw new TmdbException("TMDb's poster is empty or larger than 5 MB.");
        return (bytes, contentType);
    }

    private async Task<T?> GetJsonAsync<T>(string path, CancellationToken cancellationToken)
    {
        var address = new Uri(new Uri(_options.ApiBaseUrl.EndsWith('/') ? _options.ApiBaseUrl : _options.ApiBaseUrl + "/"), path);
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        // A v4 read access token (a JWT, with dots) goes in the header; a v3 key in the query.
        if (_options.ApiKey!.Contains('.'))
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        else
            request.RequestUri = new Uri(address + "?api_key=" + Uri.EscapeDataString(_options.ApiKey));
        using var response = await SendAsync(request, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(body, cancellationToken: cancellationToken);
        }
        catch (JsonException error)
        {
            throw new TmdbException($"TMDb's answer to /{path} is not the JSON expected.", error);
        }
    }

    /// <summary>Sends with the caller's token (PosterService bounds the whole fetch by Tmdb:TimeoutSeconds).</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException error)
        {
            throw new TmdbException($"TMDb could not be reached ({error.Message}).", error);
        }
        if (!response.IsSuccessStatusCode)
        {
            int status = (int)response.StatusCode;
            response.Dispose();
            throw new TmdbException(status == 401 ? "TMDb refused the key in Tmdb:ApiKey (401)." : $"TMDb answered {status}.", statusCode: status);
        }
        return response;
    }

    private sealed record ConfigurationDto([property: JsonPropertyName("images")] ImagesDto? Images);

    private sealed record ImagesDto([property: JsonPropertyName("secure_base_url")] string? SecureBaseUrl);

    private sealed record MovieDto([property: JsonPropertyName("poster_path")] string? PosterPath);
}

/// <summary>A TMDb request that failed; the message says how, without the key.</summary>
public sealed class TmdbException(string message, Exception? inner = null, int? statusCode = null) : Exception(message, inner)
{
    public int? StatusCode { get; } = statusCode;
}
