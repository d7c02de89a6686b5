namespace BacklogJira.Sync.Engine;

/// <summary>How long a long-running loop (<c>watch</c>, <c>serve</c>) waits after failed rounds: the base doubled per
/// failure in a row, at least 30 s after a rate limit (Jira's windows are that long), never more than five minutes.</summary>
public static class RetryBackoff
{
    public static readonly TimeSpan Max = TimeSpan.FromMinutes(5);

    public static TimeSpan After(int failuresInRow, TimeSpan first, bool rateLimited)
    {
        var doubled = first.TotalSeconds * Math.Pow(2, Math.Min(Math.Max(failuresInRow, 1) - 1, 16));
        var floor = rateLimited ? 30 : 0;
        return TimeSpan.FromSeconds(Math.Min(Math.Max(doubled, floor), Max.TotalSeconds));
    }
}
