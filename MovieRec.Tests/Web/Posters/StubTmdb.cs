using System.Net;
using System.Text;

namespace MovieRec.Tests.Web.Posters;

/// <summary>
/// TMDb as a stub HttpMessageHandler: /configuration, /movie/{id} and the image host answer from
/// what the test set, every request is recorded, and nothing reaches the network.
/// </summary>
internal sealed class StubTmdb : HttpMessageHandler, IHttpClientFactory
{
    public const string ImageBase = "https://image.example.test/t/p/";

    public List<HttpRequestMessage> Requests { get; } = [];
    public Dictionary<int, string?> PosterPaths { get; } = [];
    public byte[] Image { get; set; } = Encoding.ASCII.GetBytes("\xFF\xD8\xFF fake jpeg");
    public string ImageType { get; set; } = "image/jpeg";

    /// <summary>When set, every request fails this way instead.</summary>
    public Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? Failure { get; set; }

    public int CountOf(string pathPart) => Requests.Count(r => r.RequestUri!.AbsolutePath.Contains(pathPart, StringComparison.Ordinal));

    public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        if (Failure is { } fail) return await fail(request, cancellationToken);
        string path = request.RequestUri!.AbsolutePath;
        if (path.EndsWith("/configuration", StringComparison.Ordinal))
            return Json("""{"images":{"base_url":"http://image.example.test/t/p/","secure_base_url":"IMAGE_BASE","poster_sizes":["w92","w342","original"]}}""".Replace("IMAGE_BASE", ImageBase, StringComparison.Ordinal));
        if (path.Contains("/movie/", StringComparison.Ordinal))
        {
            int id = int.Parse(path[(path.LastIndexOf('/') + 1)..]);
            if (!PosterPaths.TryGetValue(id, out var poster)) return new HttpResponseMessage(HttpStatusCode.NotFound);
            return Json(poster is null ? $$"""{"id":{{id}},"poster_path":null}""" : $$"""{"id":{{id}},"poster_path":"{{poster}}"}""");
        }
        if (request.RequestUri.Host == "image.example.test")
        {
            var content = new ByteArrayContent(Image);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(ImageType);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        }
        return new HttpResponseMessage(HttpStatusCode.NotFound);
    }

    private static HttpResponseMessage Json(string json) =>
        new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
