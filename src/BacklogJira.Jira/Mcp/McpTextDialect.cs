using System.Text.RegularExpressions;

namespace BacklogJira.Jira.Mcp;

/// <summary>
/// The Markdown this transport sends through mcp-atlassian, chosen to survive its conversions (docs/mcp-transport.md,
/// "Text conversion"): its reader drops the brackets of any <c>[text]</c> not followed by <c>(</c>, so task items travel
/// as ballot boxes (<c>- ☐ open</c>, <c>- ☑ done</c>), which pass both ways unchanged and read well in Jira; and its
/// setext rule turns a <c>---</c> after a blank line into an empty heading, so the rule before the managed sections is
/// left out (the sections' headings mark them). Fenced code is left as it is.
/// </summary>
internal static partial class McpTextDialect
{
    public static string Outgoing(string markdown) => OutsideCode(markdown, text =>
    {
        text = TaskItem().Replace(text, m => m.Groups["indent"].Value + "- " + (m.Groups["check"].Value.Trim().Length > 0 ? "☑" : "☐") + " ");
        return RuleBeforeSections().Replace(text, m => m.Index == 0 ? "" : "\n\n");
    });

    public static string Incoming(string markdown) => OutsideCode(markdown, text =>
        BallotItem().Replace(text, m => m.Groups["indent"].Value + "- " + (m.Groups["ballot"].Value == "☑" ? "[x]" : "[ ]") + " "));

    private static string OutsideCode(string markdown, Func<string, string> convert)
    {
        var parts = Fence().Split(markdown);
        for (var i = 0; i < parts.Length; i += 2) parts[i] = convert(parts[i]);
        return string.Concat(parts);
    }

    [GeneratedRegex(@"^(?<indent>[ \t]*)[-*] \\?\[(?<check>[ xX])\\?\] ", RegexOptions.Multiline)]
    private static partial Regex TaskItem();

    [GeneratedRegex(@"^(?<indent>[ \t]*)- (?<ballot>[☐☑]) ", RegexOptions.Multiline)]
    private static partial Regex BallotItem();

    [GeneratedRegex(@"(?:^|\n+)---\n+(?=### [^\n]*\(managed by backlog-jira\))")]
    private static partial Regex RuleBeforeSections();

    // Split keeps the fenced blocks (the captured group) at the odd indexes.
    [GeneratedRegex(@"(^```[^\n]*\n[\s\S]*?^```[ \t]*$)", RegexOptions.Multiline)]
    private static partial Regex Fence();
}
