namespace Sandbox.Jira.Faults;

/// <summary>What goes wrong, and how often (docs/reference/jira.md §2.9, §2.11). All fractions are 0–1 per request.</summary>
public sealed record FaultPlan
{
    public static FaultPlan None { get; } = new();

    /// <summary>Added before every request is answered.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Share of requests answered 429.</summary>
    public double RateLimitFraction { get; init; }

    /// <summary>Requests allowed per <see cref="RateLimitWindow"/> before 429s (a burst limit); null = no limit.</summary>
    public int? RateLimitPerWindow { get; init; }

    public TimeSpan RateLimitWindow { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The <c>Retry-After</c> value sent with a 429 (0 is a real edge case).</summary>
    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>Jira Cloud often answers 429 with an HTML page rather than JSON.</summary>
    public bool HtmlRateLimitBody { get; init; }

    /// <summary>Share of requests answered 503 (with Retry-After) or 500.</summary>
    public double ServerErrorFraction { get; init; }

    /// <summary>Share of requests whose connection is dropped without an answer.</summary>
    public double DropFraction { get; init; }

    /// <summary>Delay between chunks of every response body.</summary>
    public TimeSpan SlowBody { get; init; }

    /// <summary>Every request answered with an SSO login page (HTML 200), as a proxy in front of Jira does.</summary>
    public bool LoginPage { get; init; }

    /// <summary>Issues changed within this window are missing from search results unless reconciled (Cloud's eventual consistency).</summary>
    public TimeSpan IndexLag { get; init; }

    public int Seed { get; init; } = 12345;
}
