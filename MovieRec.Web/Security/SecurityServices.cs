using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using MovieRec.Web.Accounts;

namespace MovieRec.Web.Security;

/// <summary>Registration of the protections the README's "Security" section lists.</summary>
public static class SecurityServices
{
    /// <summary>The key ring and installation id, HSTS, forwarded headers, and Kestrel without a Server header.</summary>
    public static WebApplicationBuilder AddMovieRecSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SessionCheckOptions>().BindConfiguration(SessionCheckOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SignInLimitOptions>().BindConfiguration(SignInLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReverseProxyOptions>().BindConfiguration(ReverseProxyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // The key ring lives with this installation's data, and the application name carries the
        // installation id: two installations on one host never read each other's cookies. Both are
        // resolved from the bound options (what PersistKeysToFileSystem and SetApplicationName do,
        // but after every configuration source is in).
        services.AddSingleton(provider => InstallationIdentity.LoadOrCreate(provider.GetRequiredService<IOptions<SessionCheckOptions>>().Value.KeyRingPath));
        services.AddDataProtection();
        services.AddOptions<KeyManagementOptions>().Configure<InstallationIdentity, ILoggerFactory>((options, installation, loggers) =>
            options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(installation.KeyRingFolder), loggers));
        services.AddOptions<DataProtectionOptions>().Configure<InstallationIdentity>((options, installation) =>
            options.ApplicationDiscriminator = "MovieRec-" + installation.Id);

        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = false;
        });
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((options, proxy) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            foreach (var address in proxy.Value.KnownProxies)
                options.KnownProxies.Add(IPAddress.Parse(address));
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        return builder;
    }

    /// <summary>Forwarded headers (when ReverseProxy:Enabled), HSTS over HTTPS, the security headers.</summary>
    public static WebApplication UseMovieRecSecurity(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ReverseProxyOptions>>().Value.Enabled)
            app.UseForwardedHeaders();
        // UseHsts adds the header to HTTPS answers only (never to localhost, as browsers would
        // then insist on HTTPS for every local development server).
        app.UseHsts();
        app.UseSecurityHeaders();
        return app;
    }
}
