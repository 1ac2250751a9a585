namespace MovieRec.Web.Caching;

#pragma warning disable CS0618 // MemoryCacheOptions.Clock still takes ISystemClock; it is how tests move time.
/// <summary>A MemoryCache clock that reads the app's TimeProvider, so tests can move a cache's time.</summary>
internal sealed class TimeProviderClock(TimeProvider clock) : Microsoft.Extensions.Internal.ISystemClock
{
    public DateTimeOffset UtcNow => clock.GetUtcNow();
}
#pragma warning restore CS0618
