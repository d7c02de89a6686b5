using System.Globalization;
using System.Text.RegularExpressions;

namespace BacklogJira.Cli.Commands.Sync;

/// <summary>The pure arithmetic of <c>watch</c>: the interval syntax and the wait after failed cycles.</summary>
internal static partial class WatchTiming
{
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    /// <summary><c>90</c> or <c>90s</c>, <c>5m</c>, <c>1h</c>; at least one second.</summary>
    public static TimeSpan? ParseInterval(string text)
    {
        var match = IntervalPattern().Match(text.Trim());
        if (!match.Success) return null;
        var amount = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var interval = match.Groups[2].Value switch
        {
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromSeconds(amount),
        };
        return interval >= TimeSpan.FromSeconds(1) ? interval : null;
    }

    /// <summary>After <paramref name="failuresInRow"/> failed cycles: the interval doubled per failure, at least 30 s
    /// after a rate limit (Jira's windows are that long), never more than five minutes.</summary>
    public static TimeSpan Backoff(int failuresInRow, TimeSpan interval, bool rateLimited)
    {
        var doubled = interval.TotalSeconds * Math.Pow(2, Math.Min(failuresInRow - 1, 16));
        var floor = rateLimited ? 30 : 0;
        return TimeSpan.FromSeconds(Math.Min(Math.Max(doubled, floor), MaxBackoff.TotalSeconds));
    }

    [GeneratedRegex(@"^(\d{1,6})(s|m|h)?$")]
    private static partial Regex IntervalPattern();
}
