namespace BacklogMcp.Core.Api;

/// <summary>How hard the client tries: a per-request timeout, waits for Backlog's rate limit (429 or Remaining 0) up to
/// <see cref="MaxRateLimitWait"/>, and a few retries of reads after 5xx answers or network failures.</summary>
public sealed record RetryPolicy
{
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan DownloadTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public int RateLimitAttempts { get; init; } = 5;

    public TimeSpan MaxRateLimitWait { get; init; } = TimeSpan.FromSeconds(65);

    public int ReadAttempts { get; init; } = 3;

    public TimeSpan ReadBackoff { get; init; } = TimeSpan.FromMilliseconds(500);
}
