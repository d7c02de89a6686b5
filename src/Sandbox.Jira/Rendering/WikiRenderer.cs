using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Sandbox.Jira.Rendering;

/// <summary>
/// What Jira Cloud stores when REST v2 is sent wiki markup (docs/reference/jira.md §3.4, "The sandbox's renderer"):
/// paragraphs split at blank lines, <c>h1.</c>–<c>h6.</c>, <c>*</c>/<c>-</c>/<c>#</c> lists nested by repeated markers,
/// <c>{code}</c>, <c>{noformat}</c>, <c>{quote}</c>, <c>bq.</c>, the panel macros, <c>----</c> and tables. Its known
/// losses are modelled, not ours: wiki has no task list, so <c>* [x] done</c> is a bullet reading "[x] done"; an
/// unknown macro is text.
/// </summary>
internal static partial class WikiRenderer
{
    public static JsonObject Render(string wiki) =>
        Doc.Root(Blocks([.. wiki.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')]));

    private static List<JsonNode> Blocks(IReadOnlyList<string> lines)
    {
        var blocks = new List<JsonNode>();
        var i = 0;
        while (i < lines.Count)
        {
            var line = lines[i];
            if (line.Trim().Length == 0) { i++; continue; }
            if (MacroOpen().Match(line.TrimStart()) is { Success: true } open)
            {
                var (body, after) = MacroBody(lines, i, open);
                blocks.Add(Macro(open.Groups["name"].Value, open.Groups["params"].Value, body));
                i = after;
                continue;
            }
            if (HeadingLine().Match(line) is { Success: true } heading)
            {
                blocks.Add(Doc.Block("heading", WikiInlines.Parse(heading.Groups["text"].Value.Trim()), new JsonObject { ["level"] = int.Parse(heading.Groups["level"].Value, System.Globalization.CultureInfo.InvariantCulture) }));
                i++;
                continue;
            }
            if (line.Trim() == "----") { blocks.Add(Doc.Block("rule")); i++; continue; }
            if (line.StartsWith("bq. ", StringComparison.Ordinal))
            {
                blocks.Add(Doc.Block("blockquote", [Doc.Block("paragraph", WikiInlines.Parse(line[4..]))]));
                i++;
                continue;
            }
            if (ListLine().IsMatch(line))
            {
                var start = i;
                while (i < lines.Count && ListLine().IsMatch(lines[i])) i++;
                blocks.AddRange(WikiLists.Build([.. lines.Skip(start).Take(i - start)]));
                continue;
            }
            if (line.TrimStart().StartsWith('|'))
            {
                var start = i;
                while (i < lines.Count && lines[i].TrimStart().StartsWith('|')) i++;
                blocks.Add(Table([.. lines.Skip(start).Take(i - start)]));
                continue;
            }
            var paragraph = new List<string>();
            while (i < lines.Count && lines[i].Trim().Length > 0 && !StartsBlock(lines[i])) paragraph.Add(lines[i++]);
            blocks.Add(Doc.Block("paragraph", WikiInlines.Parse(string.Join('\n', paragraph))));
        }
        return blocks;
    }

    private static bool StartsBlock(string line) =>
        MacroOpen().IsMatch(line.TrimStart()) || HeadingLine().IsMatch(line) || line.Trim() == "----" ||
        line.StartsWith("bq. ", StringComparison.Ordinal) || ListLine().IsMatch(line) || line.TrimStart().StartsWith('|');

    /// <summary>The lines between a macro's opening and its closing tag (which may share lines with text).</summary>
    private static (string Body, int After) MacroBody(IReadOnlyList<string> lines, int at, Match open)
    {
        var closer = "{" + open.Groups["name"].Value + "}";
        var rest = lines[at].TrimStart()[open.Length..];
        var collected = new List<string>();
        for (var i = at; i < lines.Count; i++)
        {
            var text = i == at ? rest : lines[i];
            var end = text.IndexOf(closer, StringComparison.Ordinal);
            if (end >= 0)
            {
                collected.Add(text[..end]);
                return (Trim(collected), i + 1);
            }
            collected.Add(text);
        }
        return (Trim(collected), lines.Count);
    }

    private static string Trim(List<string> lines)
    {
        while (lines.Count > 0 && lines[0].Length == 0) lines.RemoveAt(0);
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return string.Join('\n', lines);
    }

    private static JsonNode Macro(string name, string parameters, string body) => name switch
    {
        "code" or "noformat" => Doc.Block("codeBlock", body.Length == 0 ? [] : [Doc.Text(body)],
            name == "code" && Language(parameters) is { } language ? new JsonObject { ["language"] = language } : null),
        "quote" => Doc.Block("blockquote", Blocks(body.Split('\n'))),
        _ => Doc.Block("panel", Blocks(body.Split('\n')), new JsonObject { ["panelType"] = PanelType(name) }),
    };

    private static string? Language(string parameters) =>
        parameters.Split('|').Select(p => p.Trim()).FirstOrDefault(p => p.Length > 0 && !p.Contains('=')) is { } bare ? bare.ToLowerInvariant()
        : parameters.Split('|').Select(p => p.Split('=', 2)).FirstOrDefault(p => p.Length == 2 && p[0].Trim() == "language")?[1].Trim().ToLowerInvariant();

    private static string PanelType(string macro) => macro switch
    {
        "note" => "note",
        "warning" => "warning",
        "tip" => "success",
        _ => "info",
    };

    private static JsonObject Table(IReadOnlyList<string> rows) =>
        Doc.Block("table", rows.Select(row =>
        {
            var cells = Cells(row.Trim()).Select(cell =>
                (JsonNode)Doc.Block(cell.Header ? "tableHeader" : "tableCell", [Doc.Block("paragraph", WikiInlines.Parse(cell.Text.Trim()))]));
            return (JsonNode)Doc.Block("tableRow", cells);
        }));

    [GeneratedRegex(@"^\{(?<name>code|noformat|quote|panel|info|note|warning|tip)(?::(?<params>[^}]*))?\}")]
    private static partial Regex MacroOpen();

    [GeneratedRegex(@"^h(?<level>[1-6])\.\s(?<text>.*)$")]
    private static partial Regex HeadingLine();

    [GeneratedRegex(@"^\s*([*#]+|-)\s")]
    internal static partial Regex ListLine();

    /// <summary>The cells of a table row: <c>||</c> opens a header cell, <c>|</c> a cell; the closing bar ends the row.</summary>
    private static IEnumerable<(bool Header, string Text)> Cells(string row)
    {
        var at = 0;
        while (at < row.Length && row[at] == '|')
        {
            var header = at + 1 < row.Length && row[at + 1] == '|';
            at += header ? 2 : 1;
            var end = at;
            while (end < row.Length && row[end] != '|') end += row[end] == '\\' ? 2 : 1;
            if (end >= row.Length && row[at..].Trim().Length == 0) yield break;
            yield return (header, row[at..Math.Min(end, row.Length)]);
            at = end;
        }
    }
}
