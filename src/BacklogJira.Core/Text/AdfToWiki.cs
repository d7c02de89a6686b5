using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BacklogJira.Core.Text;

/// <summary>
/// ADF to Jira wiki markup (docs/reference/jira.md §3.4), for REST v2 on Server/Data Center (and the sandbox's Cloud v2
/// view). Task lists have no wiki syntax: they are written as <c>* \[x\] text</c>, which Jira shows literally and
/// which <see cref="WikiToAdf"/> reads back as task items.
/// </summary>
public static partial class AdfToWiki
{
    /// <param name="document">The ADF document (or null for no text).</param>
    /// <param name="mentionsByAccountId">Cloud writes mentions as <c>[~accountid:ID]</c>, Data Center as <c>[~name]</c>.</param>
    public static string Convert(JsonNode? document, bool mentionsByAccountId = true)
    {
        if (document is not JsonObject doc) return "";
        var emitter = new Emitter(mentionsByAccountId);
        return string.Join("\n\n", Adf.ContentOf(doc)
            .Where(b => !AdfToMarkdown.IsEmptyParagraph(b))
            .Select(b => emitter.Block(b)));
    }

    private sealed class Emitter(bool mentionsByAccountId)
    {
        public string Block(JsonNode block) => Adf.TypeOf(block) switch
        {
            "paragraph" => Inlines(Adf.ContentOf(block)),
            "heading" => $"h{Math.Clamp(Adf.AttrInt(block, "level") ?? 1, 1, 6)}. " + Inlines(Adf.ContentOf(block)).Replace("\n", " ", StringComparison.Ordinal),
            "rule" => "----",
            "codeBlock" => CodeBlock(block),
            "blockquote" => "{quote}\n" + Children(block) + "\n{quote}",
            "panel" => Panel(block),
            "bulletList" or "orderedList" or "taskList" => string.Join('\n', ListLines(block, "")),
            "table" => Table(block),
            "mediaSingle" or "mediaGroup" => string.Join(' ', Adf.ContentOf(block).Select(Inline)),
            _ => Children(block),
        };

        private string Children(JsonNode block) =>
            string.Join("\n\n", Adf.ContentOf(block).Where(b => !AdfToMarkdown.IsEmptyParagraph(b)).Select(Block));

        private static string CodeBlock(JsonNode block)
        {
            var code = string.Concat(Adf.ContentOf(block).Select(Adf.TextOf));
            var language = Adf.AttrString(block, "language");
            if (code.Contains("{code}", StringComparison.Ordinal)) return "{noformat}\n" + code + "\n{noformat}";
            return (string.IsNullOrEmpty(language) ? "{code}" : "{code:" + language + "}") + "\n" + code + "\n{code}";
        }

        private string Panel(JsonNode block)
        {
            var macro = Adf.AttrString(block, "panelType") switch
            {
                "info" => "info",
                "note" => "note",
                "warning" or "error" => "warning",
                "success" => "tip",
                _ => "panel",
            };
            return "{" + macro + "}\n" + Children(block) + "\n{" + macro + "}";
        }

        private IEnumerable<string> ListLines(JsonNode list, string prefix)
        {
            var type = Adf.TypeOf(list);
            var marker = prefix + (type == "orderedList" ? "#" : "*");
            foreach (var item in Adf.ContentOf(list))
            {
                switch (Adf.TypeOf(item))
                {
                    case "taskItem":
                        var check = Adf.AttrString(item, "state") == "DONE" ? "\\[x\\] " : "\\[ \\] ";
                        yield return marker + " " + check + OneLine(Inlines(Adf.ContentOf(item)));
                        break;
                    case "taskList":
                        foreach (var line in ListLines(item, marker)) yield return line;
                        break;
                    default:
                        var content = Adf.ContentOf(item);
                        var first = content.Count > 0 && Adf.TypeOf(content[0]) == "paragraph" ? OneLine(Inlines(Adf.ContentOf(content[0]))) : "";
                        yield return marker + " " + first;
                        foreach (var child in content.Skip(first.Length > 0 || content.Count > 0 && Adf.TypeOf(content[0]) == "paragraph" ? 1 : 0))
                        {
                            if (Adf.TypeOf(child) is "bulletList" or "orderedList" or "taskList")
                                foreach (var line in ListLines(child, marker)) yield return line;
                            else
                                yield return marker + " " + OneLine(Block(child));
                        }
                        break;
                }
            }
        }

        // A list line ends at the newline; line breaks inside an item are wiki's explicit \\ break.
        private static string OneLine(string text) => text.Replace("\n", " \\\\ ", StringComparison.Ordinal);

        private string Table(JsonNode block)
        {
            var lines = new List<string>();
            foreach (var row in Adf.ContentOf(block))
            {
                var line = new StringBuilder();
                foreach (var cell in Adf.ContentOf(row))
                {
                    var separator = Adf.TypeOf(cell) == "tableHeader" ? "||" : "|";
                    line.Append(separator).Append(OneLine(Children(cell)));
                    if (ReferenceEquals(cell, Adf.ContentOf(row)[^1])) line.Append(separator);
                }
                lines.Add(line.ToString());
            }
            return string.Join('\n', lines);
        }

        public string Inlines(IReadOnlyList<JsonNode> inlines)
        {
            var output = new StringBuilder();
            foreach (var inline in inlines) output.Append(Inline(inline, output));
            return output.ToString();
        }

        private string Inline(JsonNode inline) => Inline(inline, new StringBuilder());

        private string Inline(JsonNode inline, StringBuilder before) => Adf.TypeOf(inline) switch
        {
            "text" => Marked(inline, before),
            "hardBreak" => "\n",
            "mention" => Mention(inline),
            "emoji" => Adf.AttrString(inline, "shortName") ?? Adf.AttrString(inline, "text") ?? "",
            "date" => DateText(inline),
            "status" => "*[" + Escape(Adf.AttrString(inline, "text") ?? "", false) + "]*",
            "inlineCard" or "blockCard" => "[" + (Adf.AttrString(inline, "url") ?? "") + "|" + (Adf.AttrString(inline, "url") ?? "") + "|smart-link]",
            "media" or "mediaInline" => "!" + (Adf.AttrString(inline, "alt") ?? Adf.AttrString(inline, "id") ?? "attachment") + "!",
            _ => "",
        };

        private string Mention(JsonNode mention)
        {
            var id = Adf.AttrString(mention, "id") ?? "";
            return mentionsByAccountId ? "[~accountid:" + id + "]" : "[~" + id + "]";
        }

        private static string DateText(JsonNode node) =>
            long.TryParse(Adf.AttrString(node, "timestamp"), out var ms)
                ? DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                : "";

        private static string Marked(JsonNode node, StringBuilder before)
        {
            var marks = Adf.MarksOf(node);
            var text = Adf.TextOf(node);
            var isCode = marks.Any(m => Adf.TypeOf(m) == "code");
            var body = isCode ? "{{" + text + "}}" : Escape(text, before.Length == 0 || before[^1] == '\n');
            foreach (var mark in marks.OrderByDescending(m => Adf.TypeOf(m) == "link"))
            {
                body = Adf.TypeOf(mark) switch
                {
                    "strong" => "*" + body + "*",
                    "em" => "_" + body + "_",
                    "strike" => "-" + body + "-",
                    "underline" => "+" + body + "+",
                    "subsup" => Adf.AttrString(mark, "type") == "sub" ? "~" + body + "~" : "^" + body + "^",
                    "textColor" => "{color:" + Adf.AttrString(mark, "color") + "}" + body + "{color}",
                    _ => body,
                };
            }
            var link = marks.FirstOrDefault(m => Adf.TypeOf(m) == "link");
            if (link is not null)
            {
                var href = Adf.AttrString(link, "href") ?? "";
                body = body == href ? "[" + href + "]" : "[" + body + "|" + href + "]";
            }
            return body;
        }
    }

    /// <summary>Backslash-escapes characters wiki markup would read as syntax.</summary>
    internal static string Escape(string text, bool atLineStart)
    {
        var output = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var lineStart = i == 0 ? atLineStart : text[i - 1] == '\n';
            var previous = i == 0 ? ' ' : text[i - 1];
            var next = i + 1 < text.Length ? text[i + 1] : ' ';
            var escape = c switch
            {
                // A backslash is written as itself (Jira reads "\\" as a line break); before markup or another
                // backslash it cannot be written plainly, so it stays escaped there (a known loss, §3.4).
                '\\' => next is '\\' or '*' or '_' or '{' or '}' or '[' or ']' or '|' or '^' or '~' or '!' or '-' or '+' or '?',
                '*' or '_' or '{' or '}' or '[' or ']' or '|' or '^' or '~' or '!' => true,
                '-' when lineStart => true,
                '-' or '+' or '?' => CouldBeEffect(previous, next),
                '#' or 'h' or 'b' when lineStart => LineStartSyntax().IsMatch(text.AsSpan(i)),
                _ => false,
            };
            if (escape) output.Append('\\');
            output.Append(c);
        }
        return output.ToString();
    }

    // An effect marker opens after a non-word character before a non-space, or closes after a non-space before a non-word.
    private static bool CouldBeEffect(char previous, char next) =>
        (!char.IsLetterOrDigit(previous) && !char.IsWhiteSpace(next)) ||
        (!char.IsWhiteSpace(previous) && !char.IsLetterOrDigit(next));

    /// <summary>Whether <paramref name="text"/> starts with syntax that only means something at a line start.</summary>
    internal static bool IsLineStartSyntax(ReadOnlySpan<char> text) => LineStartSyntax().IsMatch(text);

    [GeneratedRegex(@"^(#|h[1-6]\.|bq\.)")]
    private static partial Regex LineStartSyntax();
}
