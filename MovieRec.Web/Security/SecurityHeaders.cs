namespace MovieRec.Web.Security;

/// <summary>
/// Response headers every answer carries, and the HTTP methods the app answers at all.
/// The Content-Security-Policy allows scripts, styles and images from this site only (no inline
/// script: the pages' scripts are files under wwwroot/js), and no framing by other sites.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static readonly HashSet<string> AnsweredMethods = new(StringComparer.OrdinalIgnoreCase)
    {
        HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete,
    };

    /// <summary>Adds the headers and answers 405 to methods no endpoint serves (TRACE, CONNECT, PATCH, ...).</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
        headers.XFrameOptions = "DENY";
        if (!AnsweredMethods.Contains(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            headers.Allow = string.Join(", ", AnsweredMethods);
            return;
        }
        await next(context);
    });
}
