using System.Globalization;
using System.Text.RegularExpressions;

namespace BacklogJira.Sync.State;

/// <summary>An interval as people write it: <c>90</c> or <c>90s</c>, <c>5m</c>, <c>1h</c>; at least one second.</summary>
public static partial class IntervalText
{
    public static TimeSpan? Parse(string text)
    {
        var match = Pattern().Match(text.Trim());
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

    [GeneratedRegex(@"^(\d{1,6})(s|m|h)?$")]
    private static partial Regex Pattern();
}
