using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MovieRec.Web.Accounts;

namespace MovieRec.Tests.Web;

/// <summary>
/// The sign-in cookie's kept decryptions (<see cref="CheckedTicketFormat"/>): the same cookie text is
/// decrypted once per interval, every request gets its own copy of the ticket, text that does not
/// decrypt is never kept, and with RecheckSeconds 0 every request decrypts.
/// </summary>
public sealed class CheckedTicketFormatTests
{
    /// <summary>A ticket format that counts its decryptions and knows one cookie text.</summary>
    private sealed class CountingFormat : ISecureDataFormat<AuthenticationTicket>
    {
        public int Decryptions { get; private set; }

        public string Protect(AuthenticationTicket data) => "good";

        public string Protect(AuthenticationTicket data, string? purpose) => "good";

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Decryptions++;
            return protectedText == "good"
                ? new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "7")], "test")), "scheme")
                : null;
        }
    }

    private static CheckedTicketFormat Format(CountingFormat inner, int recheckSeconds, TimeProvider clock) =>
        new(inner, Options.Create(new SessionCheckOptions { RecheckSeconds = recheckSeconds }), clock);

    [Fact]
    public void The_same_cookie_is_decrypted_once_per_interval_and_each_caller_gets_its_own_ticket()
    {
        var inner = new CountingFormat();
        var clock = new ManualClock();
        var format = Format(inner, 30, clock);

        var first = format.Unprotect("good");
        var second = format.Unprotect("good");
        Assert.Equal(1, inner.Decryptions);
        Assert.NotNull(first);
        Assert.NotSame(first, second);
        Assert.NotSame(first!.Principal, second!.Principal);
        Assert.Equal("7", second.Principal.FindFirstValue(ClaimTypes.NameIdentifier));

        clock.Advance(TimeSpan.FromSeconds(31));
        format.Unprotect("good");
        Assert.Equal(2, inner.Decryptions);
    }

    [Fact]
    public void Text_that_does_not_decrypt_is_never_kept_and_zero_seconds_keeps_nothing()
    {
        var inner = new CountingFormat();
        var format = Format(inner, 30, TimeProvider.System);
        Assert.Null(format.Unprotect("forged"));
        Assert.Null(format.Unprotect("forged"));
        Assert.Equal(2, inner.Decryptions);

        var always = Format(inner, 0, TimeProvider.System);
        always.Unprotect("good");
        always.Unprotect("good");
        Assert.Equal(4, inner.Decryptions);
    }

    [Fact]
    public void The_app_reads_its_sign_in_cookies_through_it()
    {
        using var app = new MovieRecAppFactory();
        var options = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        Assert.IsType<CheckedTicketFormat>(options.TicketDataFormat);
    }
}
