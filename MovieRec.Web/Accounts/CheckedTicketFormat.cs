using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using MovieRec.Web.Caching;

namespace MovieRec.Web.Accounts;

/// <summary>
/// The sign-in cookie's ticket format (cookie authentication's TicketDataFormat) with the tickets of
/// cookies decrypted in the last <see cref="SessionCheckOptions.RecheckSeconds"/> kept by their exact
/// text. Decrypting and authenticating the cookie (Data Protection: key derivation, AES-CBC and
/// HMAC) was a sixth of a picks request's time; a browser sends the same cookie on every request, and
/// only text that decrypted once is kept, so a hit skips nothing but repeating that same work. Each
/// request still gets its own copy of the ticket, and everything after decryption runs as before:
/// the expiry, and <see cref="SessionValidator"/>'s stamp, lockout and role check. What the kept copy
/// can delay is only a Data Protection key revoked by hand, by at most the same interval that bounds
/// a revocation made on another instance. With RecheckSeconds 0 nothing is kept.
/// </summary>
public sealed class CheckedTicketFormat : ISecureDataFormat<AuthenticationTicket>
{
    /// <summary>Cookies kept at most (about a kilobyte each).</summary>
    public const int MaxKept = 10_000;

    private readonly ISecureDataFormat<AuthenticationTicket> _inner;
    private readonly TimeSpan _keptFor;
    private readonly MemoryCache _kept;

    public CheckedTicketFormat(ISecureDataFormat<AuthenticationTicket> inner, IOptions<SessionCheckOptions> options, TimeProvider clock)
    {
        _inner = inner;
        _keptFor = TimeSpan.FromSeconds(options.Value.RecheckSeconds);
#pragma warning disable CS0618 // MemoryCacheOptions.Clock still takes ISystemClock; it is how tests move time.
        _kept = new MemoryCache(new MemoryCacheOptions { SizeLimit = MaxKept, Clock = new TimeProviderClock(clock) });
#pragma warning restore CS0618
    }

    public string Protect(AuthenticationTicket data) => _inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => _inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null || _keptFor == TimeSpan.Zero) return _inner.Unprotect(protectedText, purpose);
        if (_kept.TryGetValue(protectedText, out AuthenticationTicket? kept)) return kept!.Clone();
        var ticket = _inner.Unprotect(protectedText, purpose);
        // Only what decrypted is kept: text that fails is never stored, so made-up cookies cannot fill this.
        if (ticket is not null) _kept.Set(protectedText, ticket.Clone(), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _keptFor });
        return ticket;
    }
}
