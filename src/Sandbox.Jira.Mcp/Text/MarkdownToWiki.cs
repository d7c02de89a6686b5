using System.Text;
using System.Text.RegularExpressions;

namespace Sandbox.Jira.Mcp.Text;

/// <summary>
/// mcp-atlassian 0.23.1's <c>markdown_to_jira</c> (preprocessing/jira.py), the text it writes to Jira, modelled rule by
/// rule in its order, losses included (docs/mcp-transport.md, "Text conversion"): a <c>---</c> rule after a blank line
/// becomes an empty <c>h2.</c> (its setext-heading rule; fixed upstream after 0.23.1), <c>&lt;…&gt;</c> becomes
/// <c>[…]</c> (an HTML comment too), languages Jira does not know lose their name.
/// </summary>
internal static partial class MarkdownToWiki
{
    private static readonly HashSet<string> JiraLanguages =
    [
        "actionscript", "actionscript3", "ada", "applescript", "bash", "sh", "c", "c#", "csharp", "cs", "c++", "cpp", "css",
        "sass", "less", "coldfusion", "delphi", "diff", "patch", "erlang", "erl", "go", "groovy", "haskell", "html", "xml",
        "java", "javafx", "javascript", "js", "json", "lua", "nyan", "objc", "objective-c", "perl", "php", "powershell",
        "ps1", "python", "py", "r", "rainbow", "ruby", "rb", "scala", "sql", "swift", "visualbasic", "vb", "yaml", "yml", "none",
    ];

    private static readonly Dictionary<string, string> LanguageAliases = new()
    {
        ["dockerfile"] = "bash", ["docker"] = "bash", ["typescript"] = "javascript", ["ts"] = "javascript",
        ["tsx"] = "javascript", ["jsx"] = "javascript", ["kotlin"] = "java", ["kt"] = "java", ["makefile"] = "bash",
        ["make"] = "bash", ["cmake"] = "bash",
    };

    public static string Convert(string markdown)
    {
        if (markdown.Length == 0) return "";
        var codeBlocks = new Placeholders("CODEBLOCK");
        var inlineCodes = new Placeholders("INLINECODE");
        var text = codeBlocks.Extract(markdown, FencedCode(), m =>
            "{code" + (Language(m.Groups[1].Value) is { } language ? ":" + language : "") + "}" + m.Groups[2].Value + "{code}");
        text = inlineCodes.Extract(text, InlineCode(), m => "{{" + m.Groups[1].Value + "}}");
        text = SetextHeading().Replace(text, m => $"h{(m.Groups[2].Value[0] == '=' ? 1 : 2)}. {m.Groups[1].Value}");
        text = AtxHeading().Replace(text, m => $"h{m.Groups[1].Value.Length}. " + m.Groups[2].Value);
        var targets = new Placeholders("MARKDOWNURL");
        text = LinkTarget().Replace(text, m => m.Groups[1].Value + targets.Extract(m.Groups[2].Value, Whole(), x => x.Value) + m.Groups[3].Value);
        text = AutoLink().Replace(text, m => "<" + targets.Extract(m.Groups[1].Value, Whole(), x => x.Value) + ">");
        text = string.Join('\n', text.Split('\n').Select(BoldItalicLine));
        text = targets.Restore(text);
        text = Bullet().Replace(text, m => new string('*', m.Groups[1].Value.Length / 2 + 1) + " " + m.Groups[2].Value);
        text = Numbered().Replace(text, m => new string('#', m.Groups[1].Value.Length / 2 + 1) + " " + m.Groups[2].Value);
        foreach (var (tag, marker) in new[] { ("cite", "??"), ("del", "-"), ("ins", "+"), ("sup", "^"), ("sub", "~") })
            text = Regex.Replace(text, $"<{tag}>(.*?)</{tag}>", marker + "$1" + marker);
        text = ColorSpan().Replace(text, "{color:$1}$2{color}");
        text = Strike().Replace(text, "-$1-");
        text = ImageNoAlt().Replace(text, "!$1!");
        text = ImageAlt().Replace(text, "!$2|alt=$1!");
        text = Link().Replace(text, "[$1|$2]");
        text = AngleBrackets().Replace(text, "[$1]");
        text = Tables(text);
        return inlineCodes.Restore(codeBlocks.Restore(text));
    }

    private static string? Language(string language)
    {
        if (language.Length == 0) return null;
        var lower = language.ToLowerInvariant();
        return JiraLanguages.Contains(lower) ? lower : LanguageAliases.GetValueOrDefault(lower);
    }

    /// <summary>Underscores inside a word are escaped; a line starting with <c>*</c>/<c>_</c> and a space is a list and left
    /// alone; otherwise <c>**x**</c> becomes <c>*x*</c> and <c>*x*</c> becomes <c>_x_</c>.</summary>
    private static string BoldItalicLine(string line)
    {
        line = IntrawordUnderscores().Replace(line, m => new StringBuilder().Insert(0, "\\_", m.Length).ToString());
        if (ListLikeStart().IsMatch(line)) return line;
        return Emphasis().Replace(line, m => (m.Groups[1].Value.Length == 1 ? "_" : "*") + m.Groups[2].Value + (m.Groups[1].Value.Length == 1 ? "_" : "*"));
    }

    /// <summary>A header row followed by a separator becomes <c>||a||b||</c>, the rows after it <c>|c|d|</c>.</summary>
    private static string Tables(string text)
    {
        var lines = text.Split('\n').ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i >= lines.Count - 1 || !TableSeparator().IsMatch(lines[i + 1]) || !TableRow().IsMatch(lines[i])) continue;
            lines[i] = "||" + string.Join("||", Cells(lines[i])) + "||";
            lines.RemoveAt(i + 1);
            while (i + 1 < lines.Count && TableRow().IsMatch(lines[i + 1]))
            {
                lines[i + 1] = "|" + string.Join("|", Cells(lines[i + 1])) + "|";
                i++;
            }
        }
        return string.Join('\n', lines);
    }

    private static IEnumerable<string> Cells(string row) => row.Split('|')[1..^1].Select(c => c.Trim());

    [GeneratedRegex(@"```(\w*)\n([\s\S]+?)```")] private static partial Regex FencedCode();
    [GeneratedRegex(@"`([^`]+)`")] private static partial Regex InlineCode();
    [GeneratedRegex(@"^(.*?)\n([=-])+$", RegexOptions.Multiline)] private static partial Regex SetextHeading();
    [GeneratedRegex(@"^([#]+) (.*)$", RegexOptions.Multiline)] private static partial Regex AtxHeading();
    [GeneratedRegex(@"(!?\[[^\]\n]*\]\()([^)]+)(\))")] private static partial Regex LinkTarget();
    [GeneratedRegex(@"<((?:[A-Za-z][A-Za-z0-9+.-]*:[^>\s]+|[^<>\s@]+@[^<>\s@]+))>")] private static partial Regex AutoLink();
    [GeneratedRegex(@"[\s\S]+")] private static partial Regex Whole();
    [GeneratedRegex(@"(?<=[^\W_])_+(?=[^\W_])")] private static partial Regex IntrawordUnderscores();
    [GeneratedRegex(@"^[*_]+\s")] private static partial Regex ListLikeStart();
    [GeneratedRegex(@"([*_]+)(.*?)\1")] private static partial Regex Emphasis();
    [GeneratedRegex(@"^(\s+)?[-+*] (.*)$", RegexOptions.Multiline)] private static partial Regex Bullet();
    [GeneratedRegex(@"^(\s+)?\d+\. (.*)$", RegexOptions.Multiline)] private static partial Regex Numbered();
    [GeneratedRegex("<span style=\"color:(#[^\"]+)\">([\\s\\S]*?)</span>")] private static partial Regex ColorSpan();
    [GeneratedRegex(@"~~(.*?)~~")] private static partial Regex Strike();
    [GeneratedRegex(@"!\[\]\(([^)\n\s]+)\)")] private static partial Regex ImageNoAlt();
    [GeneratedRegex(@"!\[([^\]\n]+)\]\(([^)\n\s]+)\)")] private static partial Regex ImageAlt();
    [GeneratedRegex(@"\[([^\]]+)\]\(([^)]+)\)")] private static partial Regex Link();
    [GeneratedRegex(@"<([^>]+)>")] private static partial Regex AngleBrackets();
    [GeneratedRegex(@"^\|[-\s|:]+\|$")] private static partial Regex TableSeparator();
    [GeneratedRegex(@"^\|.*\|$")] private static partial Regex TableRow();
}
