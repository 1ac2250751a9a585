using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using MovieRec.Core.Ratings;

namespace MovieRec.Web.Ratings;

/// <summary>
/// The deleted rating carried by the "Undo" button: its value and time, sealed with Data
/// Protection so that the form cannot be edited to write some other rating or time, and valid for
/// <see cref="Lifetime"/>. The page keeps no server-side state for it.
/// </summary>
public sealed class DeletedRatingToken(IDataProtectionProvider provider, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("MovieRec.Ratings.DeletedRating.v1").ToTimeLimitedDataProtector();

    public string Seal(Rating deleted) =>
        _protector.Protect(
            string.Create(CultureInfo.InvariantCulture, $"{deleted.UserId}:{deleted.MovieId}:{deleted.Value:R}:{deleted.Timestamp}"),
            time.GetUtcNow().Add(Lifetime));

    /// <summary>The rating sealed in <paramref name="token"/> for this person, or null when it is not theirs, edited or expired.</summary>
    public Rating? Open(string? token, int userId)
    {
        if (string.IsNullOrEmpty(token)) return null;
        string text;
        try
        {
            text = _protector.Unprotect(token, out var expires);
            if (expires < time.GetUtcNow()) return null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        var parts = text.Split(':');
        if (parts.Length != 4
            || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out int owner) || owner != userId
            || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out int movieId)
            || !float.TryParse(parts[2], CultureInfo.InvariantCulture, out float value)
            || !long.TryParse(parts[3], CultureInfo.InvariantCulture, out long timestamp))
            return null;
        return new Rating(owner, movieId, value, timestamp);
    }
}
