using System.Globalization;
using System.Net.Http.Headers;

namespace BacklogJira.Jira.Resilience;

/// <summary>How long Jira asks us to wait (docs/reference/jira.md §2.9): <c>Retry-After</c> in seconds or as a date, else
/// <c>X-RateLimit-Reset</c> (ISO 8601); capped, with jitter so parallel requests do not return in lockstep.</summary>
internal static class RetryDelay
{
    public static TimeSpan? FromHeaders(HttpResponseHeaders headers, DateTimeOffset now, TimeSpan cap, Random random)
    {
        TimeSpan? wait = null;
        if (headers.RetryAfter is { } retryAfter)
        {
            wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - now : null);
        }
        else if (headers.TryGetValues("X-RateLimit-Reset", out var resets)
                 && DateTimeOffset.TryParse(resets.First(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var reset))
        {
            wait = reset - now;
        }
        if (wait is null) return null;
        // Retry-After: 0 is real; a floor keeps a client from hammering Jira in a tight loop.
        var floor = TimeSpan.FromMilliseconds(100);
        var bounded = wait.Value < floor ? floor : wait.Value > cap ? cap : wait.Value;
        return bounded + TimeSpan.FromMilliseconds(random.Next(0, 250));
    }
}
