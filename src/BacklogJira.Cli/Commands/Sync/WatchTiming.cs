namespace BacklogJira.Cli.Commands.Sync;

/// <summary>The pure arithmetic of <c>watch</c>: the interval syntax and the wait after failed cycles.</summary>
internal static class WatchTiming
{
    /// <summary><c>90</c> or <c>90s</c>, <c>5m</c>, <c>1h</c>; at least one second.</summary>
    public static TimeSpan? ParseInterval(string text) => BacklogJira.Sync.State.IntervalText.Parse(text);

    /// <summary>After <paramref name="failuresInRow"/> failed cycles: the interval doubled per failure (docs: RetryBackoff).</summary>
    public static TimeSpan Backoff(int failuresInRow, TimeSpan interval, bool rateLimited) =>
        BacklogJira.Sync.Engine.RetryBackoff.After(failuresInRow, interval, rateLimited);
}
