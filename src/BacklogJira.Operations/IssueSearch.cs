using System.Text.RegularExpressions;

namespace BacklogJira.Operations;

/// <summary>An issue a search found, and the task it is paired with (null: free to link).</summary>
public sealed record IssueFound(string Key, string Summary, string Status, string? PairedWith);

/// <summary>
/// What a search box means: JQL when it reads as a query (an operator or ORDER BY in it), else words to find in the
/// project's issues (summary, description, comments: JQL's <c>text ~</c>) or, when it is an issue key, that issue.
/// </summary>
public static partial class IssueSearch
{
    public static string Jql(string input, string projectKey)
    {
        var text = input.Trim();
        if (LooksLikeJql().IsMatch(text)) return text;
        var project = $"project = \"{Escape(projectKey)}\"";
        if (text.Length == 0) return $"{project} ORDER BY updated DESC";
        var words = $"text ~ \"{Escape(text)}\"";
        // key = is refused by Jira (400) for a text that is not a key, so it is only asked for one that is.
        return IssueKey().IsMatch(text) ? $"{project} AND ({words} OR key = \"{Escape(text.ToUpperInvariant())}\") ORDER BY updated DESC" : $"{project} AND {words} ORDER BY updated DESC";
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    [GeneratedRegex(@"(!=|>=|<=|[=~<>]|\b(in|is|was|changed)\s|\border\s+by\b)", RegexOptions.IgnoreCase)]
    private static partial Regex LooksLikeJql();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*-\d+$")]
    private static partial Regex IssueKey();
}
