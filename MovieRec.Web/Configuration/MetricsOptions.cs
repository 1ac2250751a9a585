using System.ComponentModel.DataAnnotations;

namespace MovieRec.Web.Configuration;

/// <summary>
/// The "Metrics" section: where the Prometheus scrape endpoint answers. By default /metrics on the
/// app's own address, for administrators only; with Metrics:Port it answers on that port alone
/// (bound to localhost, for a scraper on the same machine or behind a proxy), without sign-in.
/// </summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    public bool Enabled { get; set; } = true;

    [RegularExpression("^/[A-Za-z0-9/_-]*$", ErrorMessage = "Metrics:Path must be an absolute path such as /metrics.")]
    public string Path { get; set; } = "/metrics";

    [Range(1, 65_535, ErrorMessage = "Metrics:Port must be a TCP port from 1 to 65535.")]
    public int? Port { get; set; }
}
