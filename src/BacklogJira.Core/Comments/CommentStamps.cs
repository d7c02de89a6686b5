using System.Text.RegularExpressions;

namespace BacklogJira.Core.Comments;

/// <summary>
/// The identity a comment keeps on both sides without any id stored anywhere (docs/sync.md, "Comments"). A task comment
/// has no id, only its optional <c>author:</c> and <c>created:</c> lines (minute precision, UTC), so a comment is known
/// by author and time, plus its rank among comments with the same two: <c>2026-03-01 09:30|@alice|0</c>. A comment
/// pulled from Jira is written with the author and time it has in Jira; a comment pushed to Jira starts with a header
/// line that carries them. Either way both sides compute the same stamp.
/// </summary>
public static partial class CommentStamps
{
    /// <summary>The stamps of a thread in order: each (author, created) pair ranked by how often it came before.</summary>
    public static IReadOnlyList<string> Of(IEnumerable<(string Author, string Created)> comments)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var stamps = new List<string>();
        foreach (var (author, created) in comments)
        {
            var key = $"{created.Trim()}|{author.Trim()}";
            var rank = seen.GetValueOrDefault(key);
            seen[key] = rank + 1;
            stamps.Add($"{key}|{rank}");
        }
        return stamps;
    }

    /// <summary>The first line of a comment pushed to Jira, saying where it came from, by whom and when.</summary>
    public static string Header(string author, string created)
    {
        var by = author.Trim().Length > 0 ? $" by {author.Trim()}" : "";
        var at = created.Trim().Length > 0 ? $", {created.Trim()}" : "";
        return $"*Backlog.md comment{by}{at}*";
    }

    /// <summary>A Jira comment's body split into the header we wrote (author and time) and the text; null author when the
    /// comment has no header (it was written in Jira).</summary>
    public static (string? Author, string? Created, string Body) ReadHeader(string markdown)
    {
        var text = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        var first = newline < 0 ? text : text[..newline];
        var match = HeaderLine().Match(first.Trim());
        if (!match.Success) return (null, null, text);
        var body = newline < 0 ? "" : text[(newline + 1)..].Trim();
        return (match.Groups["author"].Value, match.Groups["created"].Value, body);
    }

    /// <summary>A comment's text in the form both sides can hold: a task comment cannot have a line that is just
    /// <c>---</c> (it ends the comment) nor a <c>&lt;!-- COMMENT</c> marker, so the first becomes <c>***</c> (the same
    /// rule in Markdown) and the second is escaped; line endings LF, no trailing spaces, no blank lines around.</summary>
    public static string Canonical(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(l => l.TrimEnd())
            .Select(l => l.Trim() is "---" or "- - -" or "___" ? "***" : l)
            .Select(l => l.Replace("<!-- COMMENT", "&lt;!-- COMMENT", StringComparison.Ordinal));
        return string.Join('\n', lines).Trim();
    }

    [GeneratedRegex(@"^[_*]Backlog\.md comment(?: by (?<author>.+?))?(?:, (?<created>\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?))?[_*]$")]
    private static partial Regex HeaderLine();
}
