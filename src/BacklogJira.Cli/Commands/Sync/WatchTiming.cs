namespace BacklogJira.Cli.Commands.Sync;

/// <summary>The pure arithmetic of <c>watch</c>: the interval syntax and the wait after failed cycles.</summary>
internal static class WatchTiming
{
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    /// <summary><c>90</c> or <c>90s</c>, <c>5m</c>, <c>1h</c>; at least one second.</summary>
    public static TimeSpan? ParseInterval(string text) => BacklogJira.Sync.State.IntervalText.Parse(text);

    /// <summary>After <paramref name="failuresInRow"/> failed cycles: the interval doubled per failure, at least 30 s
    /// after a rate limit (Jira's windows are that long), never more than five minutes.</summary>
    public static TimeSpan Backoff(int failuresInRow, TimeSpan interval, bool rateLimited)
    {
        var doubled = interval.TotalSeconds * Math.Pow(2, Math.Min(failuresInRow - 1, 16));
        var floor = rateLimited ? 30 : 0;
        return TimeSpan.FromSeconds(Math.Min(Math.Max(doubled, floor), MaxBackoff.TotalSeconds));
    }
}
