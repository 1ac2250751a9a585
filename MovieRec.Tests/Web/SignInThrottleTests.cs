using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MovieRec.Core.Storage;

namespace MovieRec.Tests.Web;

/// <summary>
/// Sign-in under attack: per-address limits on the login and register forms, a per-username
/// limit, an atomic failure count under a parallel guess storm, and the same hashing work for
/// unknown and real usernames.
/// </summary>
public sealed class SignInThrottleTests : IDisposable
{
    private readonly MovieRecAppFactory _base = new();

    public void Dispose() => _base.Dispose();

    private WebApplicationFactory<Program> With(params (string Key, string Value)[] settings) =>
        _base.WithWebHostBuilder(builder => builder.ConfigureAppConfiguration(configuration =>
            configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))));

    private static HttpClient Browser(WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static string NewName() => "throttle-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Registrations_from_one_address_are_limited_per_hour()
    {
        using var app = With(("SignInLimits:RegistrationsPerAddressPerHour", "3"));
        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 5; i++)
            statuses.Add((await Browser(app).RegisterAsync(NewName())).StatusCode);

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        // Showing the form is not an attempt.
        Assert.Equal(HttpStatusCode.OK, (await Browser(app).GetAsync("/Account/Register")).StatusCode);
    }

    [Fact]
    public async Task Login_posts_from_one_address_are_limited_per_minute_with_a_retry_after()
    {
        using var app = With(("SignInLimits:LoginsPerAddressPerMinute", "3"));
        string name = NewName();
        var browser = Browser(app);
        HttpResponseMessage? last = null;
        // The antiforgery GET before each post is free; the fourth post is refused.
        for (int i = 0; i < 4; i++)
            last = await browser.LogInAsync(name, "wrong password");

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.True(last.Headers.RetryAfter is not null, "a 429 says when to come back");
        Assert.Contains("Too many sign-in attempts", await last.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Login_attempts_on_one_username_are_limited_whatever_the_address()
    {
        using var app = With(("SignInLimits:LoginsPerUsernamePerMinute", "3"));
        string name = NewName();
        await Browser(app).RegisterAsync(name);
        for (int i = 0; i < 3; i++)
            await Browser(app).LogInAsync(name.ToUpperInvariant(), "wrong " + i);

        var throttled = await Browser(app).LogInAsync(name);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Contains("Too many login attempts for this username", await throttled.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Sixty_parallel_wrong_passwords_get_at_most_five_do_not_match_answers_before_the_lock()
    {
        string name = NewName();
        await _base.CreateBrowser().RegisterAsync(name);
        var browsers = Enumerable.Range(0, 60).Select(_ => _base.CreateBrowser()).ToList();
        var tokens = await Task.WhenAll(browsers.Select(b => b.FormTokenAsync("/Account/Login")));
        var answers = new ConcurrentBag<string>();

        await Task.WhenAll(browsers.Select(async (browser, i) =>
        {
            var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Username"] = name, ["Password"] = "wrong password " + i, ["__RequestVerificationToken"] = tokens[i],
            });
            answers.Add(await (await browser.PostAsync("/Account/Login", form)).Content.ReadAsStringAsync());
        }));

        int mismatches = answers.Count(a => a.Contains("do not match", StringComparison.Ordinal));
        int locked = answers.Count(a => a.Contains("locked", StringComparison.Ordinal));
        Assert.True(mismatches <= 5, $"{mismatches} answers said \"do not match\"");
        Assert.Equal(60, mismatches + locked);
        var account = await _base.Services.GetRequiredService<IMovieRecStore>().Users.GetByNameAsync(name);
        Assert.True(account!.IsLockedOut(DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task Unknown_names_and_password_less_accounts_cost_one_password_check_like_real_ones()
    {
        var hasher = new CountingHasher();
        using var app = _base.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IPasswordHasher<UserAccount>>(hasher)));
        string name = NewName();
        await Browser(app).RegisterAsync(name);

        int before = hasher.Verifications;
        await Browser(app).LogInAsync(name, "wrong password");
        int real = hasher.Verifications - before;
        await Browser(app).LogInAsync(NewName(), "wrong password");
        int unknown = hasher.Verifications - before - real;
        await Browser(app).LogInAsync("movielens-1", "wrong password");
        int passwordLess = hasher.Verifications - before - real - unknown;

        Assert.Equal((1, 1, 1), (real, unknown, passwordLess));
    }

    private sealed class CountingHasher : IPasswordHasher<UserAccount>
    {
        private readonly PasswordHasher<UserAccount> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(UserAccount user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(UserAccount user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
