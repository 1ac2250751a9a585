using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace MovieRec.Web.Accounts;

/// <summary>
/// ASP.NET Core rate limiting of the login and register forms per client address. Only POSTs
/// count (showing the form is free); a refused POST gets 429 with a Retry-After and a sentence.
/// Behind a reverse proxy the address is the proxy's unless ReverseProxy:Enabled forwards the client's.
/// </summary>
public static class SignInRateLimits
{
    public const string LoginPolicy = "login";
    public const string RegisterPolicy = "register";

    public static IServiceCollection AddSignInRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SignInLimitOptions>>((options, limits) =>
        {
            var limit = limits.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(LoginPolicy, context => PerAddress(context, "login", limit.LoginsPerAddressPerMinute, TimeSpan.FromMinutes(1)));
            options.AddPolicy(RegisterPolicy, context => PerAddress(context, "register", limit.RegistrationsPerAddressPerHour, TimeSpan.FromHours(1)));
            options.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(
                    "Too many sign-in attempts from your address. Wait a little and try again.", cancellationToken);
            };
        });
        services.AddRateLimiter(_ => { });
        return services;
    }

    private static RateLimitPartition<string> PerAddress(HttpContext context, string form, int permits, TimeSpan window)
    {
        if (!HttpMethods.IsPost(context.Request.Method)) return RateLimitPartition.GetNoLimiter(form + ":view");
        string address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(form + ":" + address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });
    }
}
