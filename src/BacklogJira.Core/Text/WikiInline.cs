using System.Text;
using System.Text.Json.Nodes;

namespace BacklogJira.Core.Text;

/// <summary>Inline wiki markup: effects (<c>*b*</c> <c>_i_</c> <c>-s-</c> <c>+u+</c> <c>^sup^</c> <c>~sub~</c>),
/// <c>{{code}}</c>, links, mentions, <c>{color}</c>, <c>\\</c> breaks and backslash escapes.</summary>
internal static class WikiInline
{
    public static List<JsonNode> Parse(string text)
    {
        var output = new List<JsonNode>();
        Parse(text, [], output);
        return MarkdownToAdf.MergeAdjacentText(output);
    }

    private static void Parse(string text, List<JsonObject> marks, List<JsonNode> output)
    {
        var literal = new StringBuilder();
        void Flush()
        {
            if (literal.Length > 0) output.Add(Adf.Text(literal.ToString(), marks));
            literal.Clear();
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                if (text[i + 1] == '\\') { Flush(); output.Add(Adf.Node("hardBreak")); i++; continue; }
                // Only markup characters (and our line-start escapes) are escaped: before anything else a backslash is
                // itself, as Jira shows it (C:\path, \d+).
                if (char.IsLetterOrDigit(text[i + 1]) || char.IsWhiteSpace(text[i + 1]))
                {
                    if (!(IsLineStart(text, i) && AdfToWiki.IsLineStartSyntax(text.AsSpan(i + 1)))) literal.Append('\\');
                    continue;
                }
                literal.Append(text[i + 1]);
                i++;
                continue;
            }
            if (c == '\n') { Flush(); output.Add(Adf.Node("hardBreak")); continue; }
            if (c == '{' && At(text, i, "{{") && text.IndexOf("}}", i + 2, StringComparison.Ordinal) is var codeEnd and > 0)
            {
                Flush();
                var code = text[(i + 2)..codeEnd];
                if (code.Length > 0) output.Add(Adf.Text(code, [.. marks.Where(m => Adf.TypeOf(m) == "link"), Adf.Mark("code")]));
                i = codeEnd + 1;
                continue;
            }
            if (c == '{' && At(text, i, "{color:") && text.IndexOf('}', i) is var colorOpenEnd and > 0
                && text.IndexOf("{color}", colorOpenEnd, StringComparison.Ordinal) is var colorEnd and > 0)
            {
                Flush();
                var color = text[(i + 7)..colorOpenEnd];
                Parse(text[(colorOpenEnd + 1)..colorEnd], [.. marks, Adf.Mark("textColor", new JsonObject { ["color"] = color })], output);
                i = colorEnd + "{color}".Length - 1;
                continue;
            }
            if (c == '[' && ClosingBracket(text, i) is var close and > 0 && TryLink(text[(i + 1)..close], marks, output, Flush))
            {
                i = close;
                continue;
            }
            if (IsEffect(c) && CanOpen(text, i) && FindClose(text, i) is var effectEnd and > 0)
            {
                Flush();
                Parse(text[(i + 1)..effectEnd], [.. marks, EffectMark(c)], output);
                i = effectEnd;
                continue;
            }
            literal.Append(c);
        }
        Flush();
    }

    private static bool TryLink(string inner, List<JsonObject> marks, List<JsonNode> output, Action flush)
    {
        if (inner.StartsWith('~') && inner.Length > 1)
        {
            flush();
            var id = inner.StartsWith("~accountid:", StringComparison.Ordinal) ? inner["~accountid:".Length..] : inner[1..];
            output.Add(Adf.Node("mention", attrs: new JsonObject { ["id"] = id, ["text"] = "@" + id }));
            return true;
        }
        if (inner.StartsWith('^') || inner.Length == 0) return false;
        var parts = inner.Split('|');
        var href = parts.Length > 1 ? parts[1] : parts[0];
        if (!href.Contains(':', StringComparison.Ordinal) && !href.StartsWith('#') && !href.StartsWith('/')) return false;
        flush();
        var linkMark = Adf.Mark("link", new JsonObject { ["href"] = href });
        if (parts.Length > 1) Parse(parts[0], [.. marks, linkMark], output);
        else output.Add(Adf.Text(href, [.. marks, linkMark]));
        return true;
    }

    private static int ClosingBracket(string text, int open)
    {
        for (var i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '\\') { i++; continue; }
            if (text[i] == '\n' || text[i] == '[') return -1;
            if (text[i] == ']') return i;
        }
        return -1;
    }

    private static bool IsEffect(char c) => c is '*' or '_' or '-' or '+' or '^' or '~';

    private static bool CanOpen(string text, int i) =>
        (i == 0 || !char.IsLetterOrDigit(text[i - 1])) && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]) && text[i + 1] != text[i];

    private static int FindClose(string text, int open)
    {
        var marker = text[open];
        for (var j = open + 2; j < text.Length; j++)
        {
            if (text[j] == '\n') return -1;
            if (text[j] == '\\') { j++; continue; }
            if (text[j] == marker && !char.IsWhiteSpace(text[j - 1])
                && (j + 1 == text.Length || !char.IsLetterOrDigit(text[j + 1])))
                return j;
        }
        return -1;
    }

    private static JsonObject EffectMark(char c) => c switch
    {
        '*' => Adf.Mark("strong"),
        '_' => Adf.Mark("em"),
        '-' => Adf.Mark("strike"),
        '+' => Adf.Mark("underline"),
        '^' => Adf.Mark("subsup", new JsonObject { ["type"] = "sup" }),
        _ => Adf.Mark("subsup", new JsonObject { ["type"] = "sub" }),
    };

    private static bool At(string text, int i, string token) => string.CompareOrdinal(text, i, token, 0, token.Length) == 0;

    private static bool IsLineStart(string text, int at) => at == 0 || text[at - 1] == '\n';
}
