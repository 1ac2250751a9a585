using System.ComponentModel.DataAnnotations;

namespace MovieRec.Web.Security;

/// <summary>
/// Running behind a reverse proxy that terminates TLS (opt-in). When enabled, X-Forwarded-For and
/// X-Forwarded-Proto from the listed proxies are believed: the client's address feeds the sign-in
/// rate limits, and the request counts as HTTPS, so cookies get Secure and HSTS is sent.
/// Headers from any other address are ignored, so a client cannot claim to be someone else.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string SectionName = "ReverseProxy";

    public bool Enabled { get; set; }

    /// <summary>The proxies' addresses (default: this machine, for a proxy on the same host).</summary>
    [Required]
    public string[] KnownProxies { get; set; } = ["127.0.0.1", "::1"];
}
