using BacklogJira.Core.Text;

namespace BacklogJira.Core.Mapping;

/// <summary>
/// Text in the form both sides are compared in: LF line endings, no trailing spaces, no leading or trailing blank
/// lines, and, for Markdown, the canonical dialect Jira gives back (<c>* item</c> and <c>- item</c> are the same list),
/// so a mere re-rendering by Jira is never mistaken for an edit.
/// </summary>
public static class CanonicalText
{
    public static string Plain(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd());
        return string.Join('\n', lines).Trim('\n');
    }

    public static string Markdown(string? markdown)
    {
        var plain = Plain(markdown);
        return plain.Length == 0 ? "" : Plain(AdfToMarkdown.Convert(MarkdownToAdf.Convert(plain)));
    }
}
