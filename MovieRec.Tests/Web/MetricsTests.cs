using System.Net;

namespace MovieRec.Tests.Web;

/// <summary>/metrics in the Prometheus text format, for administrators, with the request and app instruments filled in by real requests.</summary>
public sealed class MetricsTests(MovieRecAppFactory app) : IClassFixture<MovieRecAppFactory>
{
    [Fact]
    public async Task After_a_few_requests_metrics_show_latency_picks_ratings_and_the_model()
    {
        var admin = await app.AdminBrowserAsync();
        await admin.WaitForModelAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.RateAsync(1, 4.5)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.RateAsync(2, 2.0)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/recommendations?n=3")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/popular?n=3")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendWithTokenAsync(HttpMethod.Post, "/api/admin/reload")).StatusCode);

        var response = await admin.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        string text = await response.Content.ReadAsStringAsync();
        Assert.Contains("http_server_request_duration_seconds_bucket{", text);
        Assert.Contains("http_route=\"/api/popular\"", text);
        Assert.Matches("movierec_picks_duration_seconds_count\\{[^}]*\\} [1-9]", text);
        Assert.Matches("movierec_foldin_duration_seconds_count\\{[^}]*\\} [1-9]", text);
        Assert.Matches("movierec_ratings_written_total\\{[^}]*change=\"upsert\"[^}]*via=\"api\"[^}]*\\} [2-9]", text);
        Assert.Matches("movierec_model_reloads_total\\{[^}]*outcome=\"loaded\"[^}]*\\} [1-9]", text);
        Assert.Matches("movierec_model_version\\{[^}]*checksum=\"[0-9a-f]{12}\"[^}]*\\} [1-9]", text);
    }

    [Fact]
    public async Task Metrics_are_not_shown_to_anonymous_visitors_or_ordinary_users()
    {
        Assert.NotEqual(HttpStatusCode.OK, (await app.CreateBrowser().GetAsync("/metrics")).StatusCode);
        var user = await app.SignedInBrowserAsync();
        Assert.NotEqual(HttpStatusCode.OK, (await user.GetAsync("/metrics")).StatusCode);
    }
}
