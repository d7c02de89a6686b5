using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Sandbox.Jira.Rendering;

/// <summary>
/// What Jira Cloud answers through REST v2 for a stored document (docs/reference/jira.md §3.4, "The sandbox's
/// renderer"): wiki markup, lossy where ADF has more than wiki. Task items become bullets that carry their state as
/// escaped text (<c>* \[x\] done</c>); error panels become <c>{warning}</c>, success panels <c>{tip}</c>; status
/// lozenges, emoji and dates become their text; smart links become <c>[url|url|smart-link]</c>; mentions
/// <c>[~accountid:ID]</c>; attachments <c>!name!</c>. Blocks are separated by a blank line.
/// </summary>
internal static class AdfWikiWriter
{
    public static string Write(JsonNode? document) =>
        string.Join("\n\n", Doc.Children(document).Select(Block).Where(b => b.Length > 0));

    private static string Block(JsonNode block) => Doc.Type(block) switch
    {
        "paragraph" => Inlines(block),
        "heading" => $"h{Level(block)}. " + Inlines(block).Replace("\n", " ", StringComparison.Ordinal),
        "rule" => "----",
        "codeBlock" => Code(block),
        "blockquote" => "{quote}\n" + Write(block) + "\n{quote}",
        "panel" => Panel(block),
        "bulletList" or "orderedList" or "taskList" => string.Join('\n', ListLines(block, "")),
        "table" => string.Join('\n', Doc.Children(block).Select(Row)),
        "mediaSingle" or "mediaGroup" => string.Concat(Doc.Children(block).Select(Inline)),
        _ => Write(block),
    };

    private static int Level(JsonNode block) =>
        int.TryParse(Doc.Attr(block, "level"), CultureInfo.InvariantCulture, out var level) ? Math.Clamp(level, 1, 6) : 1;

    private static string Code(JsonNode block)
    {
        var code = string.Concat(Doc.Children(block).Select(Doc.TextOf));
        if (code.Contains("{code}", StringComparison.Ordinal)) return "{noformat}\n" + code + "\n{noformat}";
        return (Doc.Attr(block, "language") is { Length: > 0 } language ? "{code:" + language + "}" : "{code}") + "\n" + code + "\n{code}";
    }

    private static string Panel(JsonNode block)
    {
        var macro = Doc.Attr(block, "panelType") switch
        {
            "note" => "note",
            "warning" or "error" => "warning",
            "success" => "tip",
            "info" => "info",
            _ => "panel",
        };
        return "{" + macro + "}\n" + Write(block) + "\n{" + macro + "}";
    }

    private static IEnumerable<string> ListLines(JsonNode list, string markers)
    {
        var own = markers + (Doc.Type(list) == "orderedList" ? "#" : "*");
        foreach (var item in Doc.Children(list))
        {
            if (Doc.Type(item) is "taskList" or "bulletList" or "orderedList")
            {
                foreach (var line in ListLines(item, own)) yield return line;
                continue;
            }
            if (Doc.Type(item) == "taskItem")
            {
                yield return own + " " + (Doc.Attr(item, "state") == "DONE" ? "\\[x\\] " : "\\[ \\] ") + OneLine(Inlines(item));
                continue;
            }
            var first = true;
            foreach (var child in Doc.Children(item))
            {
                if (Doc.Type(child) is "bulletList" or "orderedList" or "taskList")
                {
                    foreach (var line in ListLines(child, own)) yield return line;
                    continue;
                }
                yield return own + " " + OneLine(Block(child));
                first = false;
            }
            if (first && Doc.Children(item).Count == 0) yield return own + " ";
        }
    }

    private static string Row(JsonNode row)
    {
        var line = new StringBuilder();
        foreach (var cell in Doc.Children(row))
        {
            var bar = Doc.Type(cell) == "tableHeader" ? "||" : "|";
            line.Append(bar).Append(OneLine(Write(cell)));
        }
        var cells = Doc.Children(row);
        var last = cells.Count > 0 ? cells[^1] : null;
        return line.Append(Doc.Type(last) == "tableHeader" ? "||" : "|").ToString();
    }

    private static string OneLine(string text) => text.Replace("\n\n", " \\\\ ", StringComparison.Ordinal).Replace("\n", " \\\\ ", StringComparison.Ordinal);

    private static string Inlines(JsonNode parent)
    {
        var output = new StringBuilder();
        foreach (var inline in Doc.Children(parent))
            output.Append(Doc.Type(inline) == "text" ? MarkedText(inline, output.Length == 0 || output[^1] == '\n') : Inline(inline));
        return output.ToString();
    }

    private static string Inline(JsonNode inline) => Doc.Type(inline) switch
    {
        "text" => MarkedText(inline, false),
        "hardBreak" => "\n",
        "mention" => "[~accountid:" + Doc.Attr(inline, "id") + "]",
        "emoji" => Doc.Attr(inline, "shortName") ?? Doc.Attr(inline, "text") ?? "",
        "status" => Doc.Attr(inline, "text") ?? "",
        "date" => long.TryParse(Doc.Attr(inline, "timestamp"), CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "",
        "inlineCard" or "blockCard" => "[" + Doc.Attr(inline, "url") + "|" + Doc.Attr(inline, "url") + "|smart-link]",
        "media" or "mediaInline" => "!" + (Doc.Attr(inline, "alt") ?? Doc.Attr(inline, "id") ?? "attachment") + "!",
        _ => "",
    };

    private static string MarkedText(JsonNode node, bool atLineStart)
    {
        var marks = Doc.Marks(node);
        var text = Doc.TextOf(node);
        var body = marks.Any(m => Doc.Type(m) == "code") ? "{{" + text + "}}" : WikiEscaping.Escape(text, atLineStart);
        foreach (var mark in marks)
        {
            body = Doc.Type(mark) switch
            {
                "strong" => "*" + body + "*",
                "em" => "_" + body + "_",
                "strike" => "-" + body + "-",
                "underline" => "+" + body + "+",
                "subsup" => Doc.Attr(mark, "type") == "sub" ? "~" + body + "~" : "^" + body + "^",
                "textColor" => "{color:" + Doc.Attr(mark, "color") + "}" + body + "{color}",
                _ => body,
            };
        }
        if (marks.FirstOrDefault(m => Doc.Type(m) == "link") is { } link && Doc.Attr(link, "href") is { } href)
            body = body == href ? "[" + href + "]" : "[" + body + "|" + href + "]";
        return body;
    }
}
