using System.Net;
using System.Text.RegularExpressions;

namespace Sandbox.Jira.Mcp.Text;

/// <summary>
/// mcp-atlassian 0.23.1's reading of Jira text (preprocessing/jira.py <c>clean_jira_text</c>: mentions, smart links,
/// <c>jira_to_markdown</c>, then base.py's HTML-to-Markdown pass), modelled rule by rule in its order, losses included
/// (docs/mcp-transport.md, "Text conversion"): <c>[~accountid:ID]</c> becomes <c>User:ID</c>; any <c>[text]</c> not
/// followed by <c>(</c> loses its brackets, so <c>* [x] done</c> reads <c>- x done</c>; two <c>+</c>, <c>^</c> or
/// <c>~</c> anywhere become an HTML tag; and once any tag is present the whole text goes through markdownify, which drops
/// tags and comments, collapses blank lines and indentation and escapes every <c>*</c> and <c>_</c>.
/// </summary>
internal static partial class WikiToMarkdown
{
    public static string Convert(string wiki, string baseUrl)
    {
        if (wiki.Length == 0) return "";
        var text = Mention().Replace(wiki, m => "User:" + m.Groups[1].Value);
        text = SmartLinks(text, baseUrl);
        text = JiraToMarkdown(text);
        text = HtmlToMarkdown(text);
        return text.Trim();
    }

    private static string SmartLinks(string text, string baseUrl) => SmartLink().Replace(text, m =>
    {
        var url = m.Groups[2].Value;
        if (BrowseKey().Match(url) is { Success: true } key) return $"[{key.Groups[1].Value}]({baseUrl.TrimEnd('/')}/browse/{key.Groups[1].Value})";
        return $"[{m.Groups[1].Value}]({url.Split('?')[0]})";
    });

    private static string JiraToMarkdown(string text)
    {
        var codeBlocks = new Placeholders("CODEBLOCK");
        var inlineCodes = new Placeholders("INLINECODE");
        text = codeBlocks.Extract(text, CodeMacro(), m => "```" + m.Groups[1].Value + "\n" + m.Groups[2].Value + "\n```");
        text = codeBlocks.Extract(text, NoFormat(), m => "```\n" + m.Groups[1].Value + "\n```");
        text = inlineCodes.Extract(text, Monospace(), m => "`" + m.Groups[1].Value + "`");
        text = BlockQuoteLine().Replace(text, "> $1\n");
        text = Effect().Replace(text, m => m.Groups[1].Value == "*" ? "**" + m.Groups[2].Value + "**" : "*" + m.Groups[2].Value + "*");
        text = ListLine().Replace(text, m =>
        {
            var markers = m.Groups[1].Value;
            return new string(' ', (markers.Length - 1) * 2) + (markers[^1] == '#' ? "1." : "-") + " " + m.Groups[2].Value;
        });
        text = Heading().Replace(text, m => new string('#', int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)) + m.Groups[2].Value);
        text = Citation().Replace(text, "<cite>$1</cite>");
        text = Inserted().Replace(text, "<ins>$1</ins>");
        text = Superscript().Replace(text, "<sup>$1</sup>");
        text = Subscript().Replace(text, "<sub>$1</sub>");
        text = QuoteMacro().Replace(text, m => string.Join('\n', m.Groups[1].Value.Split('\n').Select(l => "> " + l)));
        text = Panel().Replace(text, m => "\n" + m.Groups[2].Value.Trim() + "\n");
        text = ImageAlt().Replace(text, "![$3]($1)");
        text = ImageParams().Replace(text, "![]($1)");
        text = Image().Replace(text, "![]($1)");
        text = LabelledLink().Replace(text, "[$1]($2)");
        text = BracketedText().Replace(text, "$1$2");
        text = Color().Replace(text, "<span style=\"color:$1\">$2</span>");
        text = TableHeaders(text);
        return inlineCodes.Restore(codeBlocks.Restore(text));
    }

    private static string TableHeaders(string text)
    {
        var lines = text.Split('\n').ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!lines[i].Contains("||", StringComparison.Ordinal)) continue;
            lines[i] = lines[i].Replace("||", "|", StringComparison.Ordinal);
            var cells = lines[i].Count(c => c == '|') - 1;
            if (cells > 0) lines.Insert(++i, "|" + string.Concat(Enumerable.Repeat("---|", cells)));
        }
        return string.Join('\n', lines);
    }

    /// <summary>base.py's <c>_convert_html_to_markdown</c> with markdownify 1.2's defaults, for what Jira text can hold:
    /// code kept aside; when anything looks like a tag, comments and tags go (their text stays), entities are decoded,
    /// whitespace around a newline becomes one newline, runs of spaces one space, and <c>*</c>, <c>_</c> are escaped.</summary>
    private static string HtmlToMarkdown(string text)
    {
        var blocks = new Placeholders("HTMLCVTBLOCK");
        var inlines = new Placeholders("HTMLCVTINLINE");
        text = blocks.Extract(text, FencedBlock(), m => m.Value);
        text = inlines.Extract(text, InlineBlock(), m => m.Value);
        if (AnyTag().IsMatch(text))
        {
            text = Comment().Replace(text, "");
            text = AnyTag().Replace(text, "");
            text = WebUtility.HtmlDecode(text);
            text = NewlineWhitespace().Replace(text, "\n");
            text = SpaceRuns().Replace(text, " ");
            text = text.Replace("*", "\\*", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
        }
        return blocks.Restore(inlines.Restore(text));
    }

    [GeneratedRegex(@"\[~accountid:(.*?)\]")] private static partial Regex Mention();
    [GeneratedRegex(@"\[(.*?)\|(.*?)\|smart-link\]")] private static partial Regex SmartLink();
    [GeneratedRegex(@"browse/([A-Z][A-Z0-9_]+-\d+(?:-\d+)*)(?=$|[/?#])")] private static partial Regex BrowseKey();
    [GeneratedRegex(@"\{code(?::([a-z]+))?\}([\s\S]*?)\{code\}", RegexOptions.Multiline)] private static partial Regex CodeMacro();
    [GeneratedRegex(@"\{noformat\}([\s\S]*?)\{noformat\}")] private static partial Regex NoFormat();
    [GeneratedRegex(@"\{\{([^}]+)\}\}")] private static partial Regex Monospace();
    [GeneratedRegex(@"^bq\.(.*?)$", RegexOptions.Multiline)] private static partial Regex BlockQuoteLine();
    [GeneratedRegex(@"([*_])(.*?)\1")] private static partial Regex Effect();
    [GeneratedRegex(@"^((?:#|-|\+|\*)+) (.*)$", RegexOptions.Multiline)] private static partial Regex ListLine();
    [GeneratedRegex(@"^h([0-6])\.(.*)$", RegexOptions.Multiline)] private static partial Regex Heading();
    [GeneratedRegex(@"\?\?([^?]+(?:\?[^?]+)*)\?\?")] private static partial Regex Citation();
    [GeneratedRegex(@"\+([^+]*)\+")] private static partial Regex Inserted();
    [GeneratedRegex(@"\^([^^]*)\^")] private static partial Regex Superscript();
    [GeneratedRegex(@"~([^~]*)~")] private static partial Regex Subscript();
    [GeneratedRegex(@"\{quote\}([\s\S]*)\{quote\}", RegexOptions.Multiline)] private static partial Regex QuoteMacro();
    [GeneratedRegex(@"\{panel(?::([^}]*))?\}([\s\S]*?)\{panel\}", RegexOptions.Multiline)] private static partial Regex Panel();
    [GeneratedRegex(@"!([^|\n\s]+)\|([^\n!]*)alt=([^\n!\,]+?)(,([^\n!]*))?!")] private static partial Regex ImageAlt();
    [GeneratedRegex(@"!([^|\n\s]+)\|([^\n!]*)!")] private static partial Regex ImageParams();
    [GeneratedRegex(@"!([^\n\s!]+)!")] private static partial Regex Image();
    [GeneratedRegex(@"\[([^|]+)\|(.+?)\]")] private static partial Regex LabelledLink();
    [GeneratedRegex(@"\[(.+?)\]([^\(])")] private static partial Regex BracketedText();
    [GeneratedRegex(@"\{color:([^}]+)\}([\s\S]*?)\{color\}", RegexOptions.Multiline)] private static partial Regex Color();
    [GeneratedRegex(@"```[^\n]*\n[\s\S]*?\n```")] private static partial Regex FencedBlock();
    [GeneratedRegex(@"`[^`]+`")] private static partial Regex InlineBlock();
    [GeneratedRegex(@"<[^>]+>")] private static partial Regex AnyTag();
    [GeneratedRegex(@"<!--[\s\S]*?-->")] private static partial Regex Comment();
    [GeneratedRegex(@"[\t \r\n]*[\r\n][\t \r\n]*")] private static partial Regex NewlineWhitespace();
    [GeneratedRegex(@"[\t ]+")] private static partial Regex SpaceRuns();
}
