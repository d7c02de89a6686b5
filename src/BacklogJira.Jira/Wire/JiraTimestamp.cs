using System.Globalization;

namespace BacklogJira.Jira.Wire;

/// <summary>Jira's <c>2024-01-15T10:30:45.123+0000</c>: the offset has no colon and is whatever zone Jira chose,
/// so it is always parsed, never assumed.</summary>
public static class JiraTimestamp
{
    public static DateTimeOffset Parse(string text)
    {
        var normalized = text.Length > 5 && (text[^5] is '+' or '-') && text[^4..].All(char.IsAsciiDigit)
            ? text[..^2] + ":" + text[^2..]
            : text;
        return DateTimeOffset.Parse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    public static DateTimeOffset? ParseOrNull(string? text) => string.IsNullOrEmpty(text) ? null : Parse(text);
}
