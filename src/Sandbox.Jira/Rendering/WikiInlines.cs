using System.Text;
using System.Text.Json.Nodes;

namespace Sandbox.Jira.Rendering;

/// <summary>
/// The inline part of Jira's wiki renderer (docs/reference/jira.md §3.4): effects <c>*strong*</c>, <c>_em_</c>,
/// <c>-strike-</c>, <c>+underline+</c>, <c>^sup^</c>, <c>~sub~</c>, <c>{{monospace}}</c>, <c>{color:c}…{color}</c>,
/// links <c>[text|url]</c> and <c>[url]</c>, mentions <c>[~accountid:ID]</c>, <c>\\</c> and newlines as line breaks,
/// and backslash escapes. An effect opens after a non-word character before a non-space and closes after a non-space
/// before a non-word character; anything that does not close stays literal text, as Jira shows it.
/// </summary>
internal static class WikiInlines
{
    private const string Effects = "*_-+^~";

    public static List<JsonNode> Parse(string text) => Merge(Parse(text, []));

    private static List<JsonNode> Parse(string text, IReadOnlyList<JsonObject> marks)
    {
        var nodes = new List<JsonNode>();
        var literal = new StringBuilder();
        void Flush()
        {
            if (literal.Length > 0) nodes.Add(Doc.Text(literal.ToString(), marks));
            literal.Clear();
        }

        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && text[i + 1] == '\\')
            {
                Flush();
                nodes.Add(Doc.Block("hardBreak"));
                i += 2;
                continue;
            }
            if (c == '\\' && i + 1 < text.Length && !char.IsLetterOrDigit(text[i + 1]) && !char.IsWhiteSpace(text[i + 1]))
            {
                literal.Append(text[i + 1]);
                i += 2;
                continue;
            }
            if (c == '\n')
            {
                Flush();
                nodes.Add(Doc.Block("hardBreak"));
                i++;
                continue;
            }
            if (c == '{' && Starts(text, i, "{{") && Closing(text, i + 2, "}}") is var monoEnd and > 0)
            {
                Flush();
                nodes.Add(Doc.Text(text[(i + 2)..monoEnd], [.. marks.Where(m => Doc.Type(m) == "link"), Doc.Mark("code")]));
                i = monoEnd + 2;
                continue;
            }
            if (c == '{' && Starts(text, i, "{color:") && text.IndexOf('}', i) is var colorOpen and > 0 && Closing(text, colorOpen + 1, "{color}") is var colorEnd and > 0)
            {
                Flush();
                var color = text[(i + "{color:".Length)..colorOpen];
                nodes.AddRange(Parse(text[(colorOpen + 1)..colorEnd], [.. marks, Doc.Mark("textColor", new JsonObject { ["color"] = color })]));
                i = colorEnd + "{color}".Length;
                continue;
            }
            if (c == '[' && Closing(text, i + 1, "]") is var linkEnd and > 0)
            {
                Flush();
                nodes.AddRange(Link(text[(i + 1)..linkEnd], marks));
                i = linkEnd + 1;
                continue;
            }
            if (Effects.Contains(c) && Opens(text, i) && EffectEnd(text, i) is var effectEnd and > 0)
            {
                Flush();
                nodes.AddRange(Parse(text[(i + 1)..effectEnd], [.. marks, EffectMark(c)]));
                i = effectEnd + 1;
                continue;
            }
            literal.Append(c);
            i++;
        }
        Flush();
        return nodes;
    }

    private static IEnumerable<JsonNode> Link(string inside, IReadOnlyList<JsonObject> marks)
    {
        if (inside.StartsWith("~accountid:", StringComparison.Ordinal))
        {
            var id = inside["~accountid:".Length..];
            return [Doc.Block("mention", attrs: new JsonObject { ["id"] = id, ["text"] = "@" + id })];
        }
        var bar = inside.LastIndexOf('|');
        var (label, href) = bar < 0 ? (inside, inside) : (inside[..bar], inside[(bar + 1)..]);
        if (href.Length == 0 || label.Length == 0) return [Doc.Text("[" + inside + "]", marks)];
        var link = Doc.Mark("link", new JsonObject { ["href"] = href });
        return bar < 0 ? [Doc.Text(href, [.. marks, link])] : Parse(label, [.. marks, link]);
    }

    private static JsonObject EffectMark(char c) => c switch
    {
        '*' => Doc.Mark("strong"),
        '_' => Doc.Mark("em"),
        '-' => Doc.Mark("strike"),
        '+' => Doc.Mark("underline"),
        '^' => Doc.Mark("subsup", new JsonObject { ["type"] = "sup" }),
        _ => Doc.Mark("subsup", new JsonObject { ["type"] = "sub" }),
    };

    private static bool Opens(string text, int i) =>
        (i == 0 || !char.IsLetterOrDigit(text[i - 1])) && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]) && text[i + 1] != text[i];

    private static int EffectEnd(string text, int open)
    {
        for (var j = open + 2; j < text.Length; j++)
        {
            if (text[j] == '\n') return -1;
            if (text[j] == '\\') { j++; continue; }
            if (text[j] == text[open] && !char.IsWhiteSpace(text[j - 1]) && (j + 1 == text.Length || !char.IsLetterOrDigit(text[j + 1])))
                return j;
        }
        return -1;
    }

    private static int Closing(string text, int from, string closer)
    {
        for (var j = from; j <= text.Length - closer.Length; j++)
        {
            if (text[j] == '\n') return -1;
            if (text[j] == '\\') { j++; continue; }
            if (Starts(text, j, closer)) return j;
        }
        return -1;
    }

    private static bool Starts(string text, int at, string what) => string.CompareOrdinal(text, at, what, 0, what.Length) == 0;

    /// <summary>Neighbouring text nodes with the same marks become one, as Jira stores them.</summary>
    private static List<JsonNode> Merge(List<JsonNode> nodes)
    {
        var merged = new List<JsonNode>();
        foreach (var node in nodes)
        {
            if (merged.Count > 0 && Doc.Type(node) == "text" && Doc.Type(merged[^1]) == "text" &&
                JsonNode.DeepEquals(node["marks"], merged[^1]["marks"]))
            {
                merged[^1]["text"] = Doc.TextOf(merged[^1]) + Doc.TextOf(node);
                continue;
            }
            merged.Add(node);
        }
        return merged;
    }
}
