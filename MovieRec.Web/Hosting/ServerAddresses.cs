namespace MovieRec.Web.Hosting;

/// <summary>
/// The addresses ASP.NET Core would listen on by its own rules: the "urls" setting (ASPNETCORE_URLS,
/// --urls, or Urls in a settings file), else "http_ports" / "https_ports" (ASPNETCORE_HTTP_PORTS,
/// ...) on every interface, else http://localhost:5000. Needed only where one address is added to
/// them (the metrics port), since adding one replaces the server's defaulting.
/// </summary>
public static class ServerAddresses
{
    public const string Default = "http://localhost:5000";

    public static IReadOnlyList<string> Configured(IConfiguration configuration)
    {
        if (Split(configuration["urls"]) is { Count: > 0 } urls) return urls;
        var ports = Split(configuration["http_ports"]).Select(port => $"http://*:{port}")
            .Concat(Split(configuration["https_ports"]).Select(port => $"https://*:{port}")).ToList();
        return ports.Count > 0 ? ports : [Default];
    }

    private static List<string> Split(string? list) =>
        (list ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
