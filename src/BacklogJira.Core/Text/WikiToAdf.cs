using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BacklogJira.Core.Text;

/// <summary>
/// Jira wiki markup (REST v2) to ADF, for the constructs of docs/reference/jira.md §3.4. Macros we do not know are kept as
/// their literal text, so nothing is dropped; list items that start with <c>[x]</c> or <c>[ ]</c> (escaped or not) are
/// task items, the convention <see cref="AdfToWiki"/> writes.
/// </summary>
public static partial class WikiToAdf
{
    public static JsonObject Convert(string wiki)
    {
        var lines = wiki.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return Adf.Doc(Blocks(lines));
    }

    private static List<JsonNode> Blocks(IReadOnlyList<string> lines)
    {
        var blocks = new List<JsonNode>();
        var paragraph = new List<string>();
        void FlushParagraph()
        {
            if (paragraph.Count > 0) blocks.Add(Adf.Node("paragraph", WikiInline.Parse(string.Join('\n', paragraph))));
            paragraph.Clear();
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            Match match;
            if (trimmed.Length == 0) { FlushParagraph(); continue; }
            if ((match = CodeOpen().Match(trimmed)).Success)
            {
                FlushParagraph();
                var macro = match.Groups["macro"].Value;
                var (body, next) = Until(lines, i, macro, afterOpen: trimmed[match.Length..]);
                var language = CodeLanguage(match.Groups["params"].Value);
                var attrs = macro == "code" && language is not null ? new JsonObject { ["language"] = language } : null;
                blocks.Add(Adf.Node("codeBlock", body.Length == 0 ? [] : [Adf.Text(body)], attrs));
                i = next;
                continue;
            }
            if ((match = ContainerOpen().Match(trimmed)).Success)
            {
                FlushParagraph();
                var macro = match.Groups["macro"].Value;
                var (body, next) = Until(lines, i, macro, afterOpen: trimmed[match.Length..]);
                var inner = Blocks(body.Split('\n'));
                blocks.Add(macro == "quote"
                    ? Adf.Node("blockquote", inner)
                    : Adf.Node("panel", inner, new JsonObject { ["panelType"] = PanelType(macro) }));
                i = next;
                continue;
            }
            if ((match = Heading().Match(line)).Success)
            {
                FlushParagraph();
                blocks.Add(Adf.Node("heading", WikiInline.Parse(match.Groups["text"].Value.Trim()),
                    new JsonObject { ["level"] = int.Parse(match.Groups["level"].Value, System.Globalization.CultureInfo.InvariantCulture) }));
                continue;
            }
            if ((match = Quote().Match(line)).Success)
            {
                FlushParagraph();
                blocks.Add(Adf.Node("blockquote", [Adf.Node("paragraph", WikiInline.Parse(match.Groups["text"].Value))]));
                continue;
            }
            if (trimmed == "----")
            {
                FlushParagraph();
                blocks.Add(Adf.Node("rule"));
                continue;
            }
            if (ListLine().IsMatch(line))
            {
                FlushParagraph();
                var items = new List<(string Markers, string Text)>();
                while (i < lines.Count && ListLine().Match(lines[i]) is { Success: true } item)
                {
                    items.Add((item.Groups["markers"].Value, item.Groups["text"].Value));
                    i++;
                }
                i--;
                // A line whose first marker changes kind (a # after * lines) starts a new list, as Jira renders it.
                var start = 0;
                for (var end = 1; end <= items.Count; end++)
                {
                    if (end < items.Count && items[end].Markers[0] == items[start].Markers[0]) continue;
                    blocks.Add(WikiList.Build(items, start, end, 0));
                    start = end;
                }
                continue;
            }
            if (trimmed.StartsWith('|'))
            {
                FlushParagraph();
                var rows = new List<string>();
                while (i < lines.Count && lines[i].Trim().StartsWith('|')) rows.Add(lines[i++].Trim());
                i--;
                blocks.Add(Table(rows));
                continue;
            }
            paragraph.Add(line);
        }
        FlushParagraph();
        return blocks;
    }

    private static (string Body, int EndLine) Until(IReadOnlyList<string> lines, int start, string macro, string afterOpen)
    {
        var close = "{" + macro + "}";
        var body = new List<string>();
        var sameLineClose = afterOpen.IndexOf(close, StringComparison.Ordinal);
        if (sameLineClose >= 0) return (afterOpen[..sameLineClose], start);
        if (afterOpen.Length > 0) body.Add(afterOpen);
        for (var i = start + 1; i < lines.Count; i++)
        {
            var at = lines[i].IndexOf(close, StringComparison.Ordinal);
            if (at >= 0)
            {
                if (at > 0) body.Add(lines[i][..at]);
                return (string.Join('\n', body), i);
            }
            body.Add(lines[i]);
        }
        return (string.Join('\n', body), lines.Count - 1);
    }

    private static string? CodeLanguage(string parameters)
    {
        foreach (var part in parameters.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!part.Contains('=', StringComparison.Ordinal)) return part;
            if (part.StartsWith("language=", StringComparison.OrdinalIgnoreCase)) return part["language=".Length..];
        }
        return null;
    }

    private static string PanelType(string macro) => macro switch
    {
        "info" => "info",
        "note" => "note",
        "warning" => "warning",
        "tip" => "success",
        _ => "info",
    };

    private static JsonObject Table(List<string> rows)
    {
        var adfRows = new List<JsonNode>();
        foreach (var row in rows)
        {
            var cells = new List<JsonNode>();
            var header = row.StartsWith("||", StringComparison.Ordinal);
            var separator = header ? "||" : "|";
            var inner = row.Trim();
            inner = inner.StartsWith(separator, StringComparison.Ordinal) ? inner[separator.Length..] : inner;
            inner = inner.EndsWith(separator, StringComparison.Ordinal) ? inner[..^separator.Length] : inner;
            foreach (var cell in SplitCells(inner, separator))
            {
                var content = WikiInline.Parse(cell.Trim());
                cells.Add(Adf.Node(header ? "tableHeader" : "tableCell", [Adf.Node("paragraph", content)]));
            }
            adfRows.Add(Adf.Node("tableRow", cells));
        }
        return Adf.Node("table", adfRows);
    }

    private static IEnumerable<string> SplitCells(string row, string separator)
    {
        var current = new StringBuilder();
        for (var i = 0; i < row.Length; i++)
        {
            if (row[i] == '\\' && i + 1 < row.Length) { current.Append(row, i, 2); i++; continue; }
            if (string.CompareOrdinal(row, i, separator, 0, separator.Length) == 0)
            {
                yield return current.ToString();
                current.Clear();
                i += separator.Length - 1;
                continue;
            }
            current.Append(row[i]);
        }
        yield return current.ToString();
    }

    [GeneratedRegex(@"^\{(?<macro>code|noformat)(?::(?<params>[^}]*))?\}")]
    private static partial Regex CodeOpen();

    [GeneratedRegex(@"^\{(?<macro>quote|panel|info|note|warning|tip)(?::[^}]*)?\}")]
    private static partial Regex ContainerOpen();

    [GeneratedRegex(@"^h(?<level>[1-6])\.\s(?<text>.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^bq\.\s(?<text>.*)$")]
    private static partial Regex Quote();

    [GeneratedRegex(@"^\s*(?<markers>[*#]+|-)\s(?<text>.*)$")]
    internal static partial Regex ListLine();
}
