using System.Diagnostics.Metrics;
using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using MovieRec.Core.Storage;
using MovieRec.Web.Health;
using MovieRec.Web.Metrics;
using MovieRec.Web.Models;

namespace MovieRec.Tests.Web;

/// <summary>/health/live, /health/ready (the framework's health checks) and /health (the JSON detail).</summary>
public sealed class HealthTests(MovieRecAppFactory app) : IClassFixture<MovieRecAppFactory>
{
    [Fact]
    public async Task Live_and_ready_answer_healthy_when_the_store_answers_and_the_model_is_loaded()
    {
        var client = app.CreateBrowser();
        await client.WaitForModelAsync();
        var live = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_is_503_when_the_store_fails_while_live_stays_200()
    {
        // The store check is pointed at a store whose every call fails, as when the database is gone.
        using var broken = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.PostConfigure<HealthCheckServiceOptions>(options =>
            {
                var store = options.Registrations.Single(r => r.Name == StoreHealthCheck.Name);
                store.Factory = provider => new StoreHealthCheck(FailingStore.Create(), provider.GetRequiredService<MovieRecMetrics>(),
                    NullLogger<StoreHealthCheck>.Instance);
            })));
        var client = broken.CreateClient();

        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var detail = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, detail.StatusCode);
        Assert.Contains("\"reachable\":false", await detail.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_model_check_is_degraded_without_a_model_and_healthy_with_one()
    {
        var holder = new ModelHolder();
        var check = new ModelHealthCheck(holder);
        Assert.Equal(HealthStatus.Degraded, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
        var loaded = app.Services.GetRequiredService<ModelHolder>();
        await app.CreateBrowser().WaitForModelAsync();
        Assert.Equal(HealthStatus.Healthy, (await new ModelHealthCheck(loaded).CheckHealthAsync(new HealthCheckContext())).Status);
    }

    /// <summary>A store whose every member throws the way a lost database does.</summary>
    public class FailingStore : DispatchProxy
    {
        public static IMovieRecStore Create() => Create<IMovieRecStore, FailingStore>();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
        {
            "get_Provider" => "sqlite",
            "get_Movies" => DispatchProxy.Create<IMovieStore, FailingStore>(),
            _ => throw new StoreException("The database file is gone."),
        };
    }
}
