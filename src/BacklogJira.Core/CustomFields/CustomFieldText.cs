using System.Globalization;

namespace BacklogJira.Core.CustomFields;

/// <summary>The canonical text of one item of a custom field, from either side: numbers without trailing zeros, dates as
/// <c>YYYY-MM-DD</c>, times in UTC, a cascading select as <c>Parent / Child</c>. A text that is not a value of the kind
/// gives null and the reason, which the caller shows instead of sending it.</summary>
public static class CustomFieldText
{
    /// <summary>Between a cascading select's parent and child option.</summary>
    public const string CascadingSeparator = " / ";

    public static string? Canonical(CustomFieldKind kind, string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        problem = null;
        var trimmed = text.Trim();
        return kind switch
        {
            CustomFieldKind.Number => Number(trimmed, out problem),
            CustomFieldKind.Date => Date(trimmed, out problem),
            CustomFieldKind.DateTime => DateTime(trimmed, out problem),
            CustomFieldKind.Url => Url(trimmed, out problem),
            CustomFieldKind.Cascading => SplitCascading(trimmed) is (var parent, var child) ? child is null ? parent : Cascading(parent, child) : null,
            _ => trimmed,
        };
    }

    public static string? Number(string text, out string? problem)
    {
        problem = null;
        if (decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            var shown = number.ToString(CultureInfo.InvariantCulture);
            return shown.Contains('.', StringComparison.Ordinal) ? shown.TrimEnd('0').TrimEnd('.') : shown;
        }
        problem = $"\"{text}\" is not a number (use digits and a decimal point, e.g. 5 or 2.5)";
        return null;
    }

    public static string? Date(string text, out string? problem)
    {
        problem = null;
        var trimmed = text.Trim();
        if (trimmed.Length == 10 && DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) return trimmed;
        problem = $"\"{text}\" is not a YYYY-MM-DD date";
        return null;
    }

    /// <summary>A point in time as UTC <c>YYYY-MM-DDTHH:mm:ssZ</c> (milliseconds kept when there are any); a time
    /// without an offset is read as UTC.</summary>
    public static string? DateTime(string text, out string? problem)
    {
        problem = null;
        var trimmed = text.Trim();
        // Jira writes offsets without a colon (+0000), which .NET's round-trip parser does not take.
        if (trimmed.Length > 5 && (trimmed[^5] is '+' or '-') && trimmed[^4..].All(char.IsDigit)) trimmed = trimmed[..^2] + ":" + trimmed[^2..];
        if (trimmed.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            var utc = time.ToUniversalTime();
            return utc.Millisecond == 0
                ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                : utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        }
        problem = $"\"{text}\" is not a date and time (use e.g. 2026-03-01T09:30:00Z)";
        return null;
    }

    /// <summary>The canonical UTC time in the form Jira's REST API takes: <c>2026-03-01T09:30:00.000+0000</c>.</summary>
    public static string JiraDateTime(string canonical) =>
        DateTimeOffset.Parse(canonical, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
            .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);

    public static string? Url(string text, out string? problem)
    {
        problem = null;
        if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto))
            return text.Trim();
        problem = $"\"{text}\" is not an absolute URL (Jira takes e.g. https://example.com/spec)";
        return null;
    }

    public static string Cascading(string parent, string child) => parent.Trim() + CascadingSeparator + child.Trim();

    /// <summary>Parent and child of <c>Parent / Child</c> (a slash without spaces around it belongs to the option).</summary>
    public static (string Parent, string? Child) SplitCascading(string value)
    {
        var at = value.IndexOf(CascadingSeparator, StringComparison.Ordinal);
        return at < 0 ? (value.Trim(), null) : (value[..at].Trim(), value[(at + CascadingSeparator.Length)..].Trim());
    }
}
