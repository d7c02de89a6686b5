using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BacklogJira.Core.Text;

/// <summary>
/// ADF to the canonical Markdown of docs/reference/jira.md §3.3. Each top-level block is emitted, parsed back and compared
/// (after normalisation); a block whose Markdown would not give the same ADF back travels as an
/// <c>&lt;!--adf:{…}--&gt;</c> placeholder instead, so nothing Jira holds is lost through a task file.
/// </summary>
public static partial class AdfToMarkdown
{
    public static string Convert(JsonNode? document)
    {
        if (document is not JsonObject doc) return "";
        var blocks = Adf.ContentOf(doc).Where(b => !IsEmptyParagraph(b)).ToList();
        var expected = AdfNormalizer.Normalize(doc);
        // Most documents convert cleanly: check the whole document once, and only go block by block when it does not.
        var direct = Emit(blocks, block => BlockEmitter.TryBlock(block.Node, block.Alternate) ?? AdfPlaceholder.Wrap(block.Node));
        if (JsonNode.DeepEquals(expected, AdfNormalizer.Normalize(MarkdownToAdf.Convert(direct)))) return direct;
        var markdown = Emit(blocks, block => RoundTrippingBlock(block.Node, block.Alternate));
        if (JsonNode.DeepEquals(expected, AdfNormalizer.Normalize(MarkdownToAdf.Convert(markdown)))) return markdown;
        return string.Join("\n\n", blocks.Select(AdfPlaceholder.Wrap));
    }

    private static string Emit(List<JsonNode> blocks, Func<(JsonNode Node, bool Alternate), string> emit)
    {
        var parts = new List<string>(blocks.Count);
        string? previousListKind = null;
        var alternate = false;
        foreach (var block in blocks)
        {
            var listKind = ListKind(block);
            // Two lists of the same kind in a row would merge into one; a different bullet character keeps them apart.
            alternate = listKind is not null && listKind == previousListKind && !alternate;
            previousListKind = listKind;
            parts.Add(emit((block, alternate)));
        }
        return string.Join("\n\n", parts);
    }

    private static string RoundTrippingBlock(JsonNode block, bool alternate)
    {
        var markdown = BlockEmitter.TryBlock(block, alternate);
        if (markdown is not null && AdfNormalizer.AreEquivalent(Adf.Doc([block.DeepClone()]), MarkdownToAdf.Convert(markdown)))
            return markdown;
        return AdfPlaceholder.Wrap(block);
    }

    private static string? ListKind(JsonNode block) => Adf.TypeOf(block) switch
    {
        "bulletList" or "taskList" => "bullet",
        "orderedList" => "ordered",
        _ => null,
    };

    /// <summary>Markdown that reads back as exactly <paramref name="text"/>: every syntax character escaped.</summary>
    public static string EscapeLiteral(string text) => InlineEmitter.Escape(text, atLineStart: true, atLineEnd: true);

    /// <summary>The inverse of <see cref="EscapeLiteral"/> for text that carries no other Markdown.</summary>
    public static string UnescapeLiteral(string markdown)
    {
        var text = markdown.Replace("&#32;", " ", StringComparison.Ordinal).Replace("&#9;", "\t", StringComparison.Ordinal);
        var output = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && IsAsciiPunctuation(text[i + 1])) i++;
            output.Append(text[i]);
        }
        return output.ToString();
    }

    private static bool IsAsciiPunctuation(char c) => c is > ' ' and < (char)127 && !char.IsAsciiLetterOrDigit(c);

    internal static bool IsEmptyParagraph(JsonNode? node) =>
        Adf.TypeOf(node) == "paragraph" && Adf.ContentOf(node).Count == 0;

    /// <summary>Emits one block; <c>null</c> when the block has no Markdown form.</summary>
    private static class BlockEmitter
    {
        public static string? TryBlock(JsonNode block, bool alternate = false) => Adf.TypeOf(block) switch
        {
            "paragraph" => InlineEmitter.Emit(Adf.ContentOf(block)),
            "heading" => Heading(block),
            "rule" => "---",
            "codeBlock" => CodeBlock(block),
            "blockquote" => Blockquote(block),
            "bulletList" => BulletList(block, alternate ? '*' : '-'),
            "orderedList" => OrderedList(block, alternate ? ')' : '.'),
            "taskList" => TaskList(block, alternate ? '*' : '-'),
            "table" => Table(block),
            _ => null,
        };

        private static string? Heading(JsonNode block)
        {
            var level = Adf.AttrInt(block, "level") ?? 1;
            if (level is < 1 or > 6) return null;
            var text = InlineEmitter.Emit(Adf.ContentOf(block));
            return text is null || text.Contains('\n', StringComparison.Ordinal) ? null : new string('#', level) + " " + text;
        }

        private static string? CodeBlock(JsonNode block)
        {
            var language = Adf.AttrString(block, "language") ?? "";
            if (language.Any(c => char.IsWhiteSpace(c) || c == '`')) return null;
            var code = string.Concat(Adf.ContentOf(block).Select(Adf.TextOf));
            var fence = new string('`', Math.Max(3, LongestRun(code, '`') + 1));
            return code.Length == 0 ? $"{fence}{language}\n{fence}" : $"{fence}{language}\n{code}\n{fence}";
        }

        private static string? Blockquote(JsonNode block)
        {
            var inner = Children(Adf.ContentOf(block));
            if (inner is null) return null;
            return string.Join('\n', inner.Split('\n').Select(line => line.Length == 0 ? ">" : "> " + line));
        }

        private static string? Children(IReadOnlyList<JsonNode> blocks)
        {
            var parts = new List<string>();
            foreach (var child in blocks)
            {
                if (IsEmptyParagraph(child)) continue;
                var text = TryBlock(child);
                if (text is null) return null;
                parts.Add(text);
            }
            return string.Join("\n\n", parts);
        }

        private static string? BulletList(JsonNode block, char bullet) =>
            ListItems(Adf.ContentOf(block), _ => bullet + " ");

        private static string? OrderedList(JsonNode block, char delimiter)
        {
            var start = Adf.AttrInt(block, "order") ?? 1;
            return ListItems(Adf.ContentOf(block), index => $"{start + index}{delimiter} ");
        }

        private static string? ListItems(IReadOnlyList<JsonNode> items, Func<int, string> marker)
        {
            var lines = new List<string>();
            for (var i = 0; i < items.Count; i++)
            {
                if (Adf.TypeOf(items[i]) != "listItem") return null;
                var content = Adf.ContentOf(items[i]);
                if (content.Count == 0 || Adf.TypeOf(content[0]) != "paragraph") return null;
                var first = InlineEmitter.Emit(Adf.ContentOf(content[0]));
                if (first is null) return null;
                var prefix = marker(i);
                var body = new StringBuilder(first);
                foreach (var child in content.Skip(1))
                {
                    var text = TryBlock(child);
                    if (text is null) return null;
                    body.Append(ListKindOf(child) ? "\n" : "\n\n").Append(text);
                }
                lines.Add(prefix + Indent(body.ToString(), prefix.Length));
            }
            return string.Join('\n', lines);
        }

        private static bool ListKindOf(JsonNode node) => Adf.TypeOf(node) is "bulletList" or "orderedList" or "taskList";

        private static string? TaskList(JsonNode block, char bullet)
        {
            var lines = new List<string>();
            foreach (var child in Adf.ContentOf(block))
            {
                switch (Adf.TypeOf(child))
                {
                    case "taskItem":
                        var text = InlineEmitter.Emit(Adf.ContentOf(child));
                        if (text is null || text.Length == 0) return null;
                        var check = Adf.AttrString(child, "state") == "DONE" ? "[x]" : "[ ]";
                        lines.Add($"{bullet} {check} " + Indent(text, 2));
                        break;
                    case "taskList":
                        if (lines.Count == 0) return null;
                        var nested = TaskList(child, '-');
                        if (nested is null) return null;
                        lines.Add("  " + Indent(nested, 2));
                        break;
                    default:
                        return null;
                }
            }
            return string.Join('\n', lines);
        }

        private static string? Table(JsonNode block)
        {
            var rows = Adf.ContentOf(block);
            if (rows.Count == 0) return null;
            var lines = new List<string>();
            for (var r = 0; r < rows.Count; r++)
            {
                var cells = new List<string>();
                foreach (var cell in Adf.ContentOf(rows[r]))
                {
                    var expected = r == 0 ? "tableHeader" : "tableCell";
                    if (Adf.TypeOf(cell) != expected) return null;
                    var content = Adf.ContentOf(cell);
                    if (content.Count > 1 || (content.Count == 1 && Adf.TypeOf(content[0]) != "paragraph")) return null;
                    var text = content.Count == 0 ? "" : InlineEmitter.Emit(Adf.ContentOf(content[0]));
                    if (text is null || text.Contains('\n', StringComparison.Ordinal)) return null;
                    cells.Add(text);
                }
                lines.Add("| " + string.Join(" | ", cells) + " |");
                if (r == 0) lines.Add("|" + string.Concat(cells.Select(_ => " --- |")));
            }
            return string.Join('\n', lines);
        }

        private static string Indent(string text, int width)
        {
            var pad = new string(' ', width);
            return string.Join('\n', text.Split('\n').Select((line, i) => i == 0 || line.Length == 0 ? line : pad + line));
        }
    }

    internal static int LongestRun(string text, char c)
    {
        int longest = 0, current = 0;
        foreach (var ch in text)
        {
            current = ch == c ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }
        return longest;
    }

    /// <summary>Inline content with marks opened and closed as a stack in the fixed order link › strong › em › strike › code.</summary>
    private static partial class InlineEmitter
    {
        private static readonly string[] MarkOrder = ["link", "strong", "em", "strike", "code"];

        public static string? Emit(IReadOnlyList<JsonNode> original)
        {
            var inlines = MarkdownToAdf.MergeAdjacentText([.. original.Select(n => n.DeepClone())]);
            var output = new StringBuilder();
            var open = new List<JsonObject>();
            for (var index = 0; index < inlines.Count; index++)
            {
                var inline = inlines[index];
                var atLineEnd = index + 1 == inlines.Count || Adf.TypeOf(inlines[index + 1]) == "hardBreak";
                switch (Adf.TypeOf(inline))
                {
                    case "text" when Adf.MarksOf(inline).All(m => Array.IndexOf(MarkOrder, Adf.TypeOf(m)) >= 0):
                        var marks = Adf.MarksOf(inline).OrderBy(m => Array.IndexOf(MarkOrder, Adf.TypeOf(m))).ToList();
                        var nonCode = marks.Where(m => Adf.TypeOf(m) != "code").ToList();
                        Transition(output, open, nonCode);
                        var text = Adf.TextOf(inline);
                        output.Append(marks.Count != nonCode.Count ? CodeSpan(text) : Escape(text, AtLineStart(output), atLineEnd));
                        break;
                    case "hardBreak":
                        output.Append('\n');
                        break;
                    case "mention" when IsPlainMention(inline):
                        Transition(output, open, []);
                        var name = (Adf.AttrString(inline, "text") ?? "").TrimStart('@');
                        output.Append("@[").Append(Escape(name, false, false)).Append("](accountid:")
                              .Append(Adf.AttrString(inline, "id")).Append(')');
                        break;
                    default:
                        Transition(output, open, []);
                        output.Append(AdfPlaceholder.Wrap(inline));
                        break;
                }
            }
            Transition(output, open, []);
            return output.ToString();
        }

        private static bool IsPlainMention(JsonNode mention) =>
            mention is JsonObject mentionObject && mentionObject["attrs"] is JsonObject attrs
            && attrs.All(a => a.Key is "id" or "text" || (a.Key == "accessLevel" && a.Value?.ToString() is "" or null))
            && Adf.AttrString(mention, "id") is { Length: > 0 } id && !id.Contains(')', StringComparison.Ordinal)
            && (Adf.AttrString(mention, "text") ?? "").StartsWith('@');

        private static bool AtLineStart(StringBuilder output) => output.Length == 0 || output[^1] == '\n';

        private static void Transition(StringBuilder output, List<JsonObject> open, List<JsonObject> target)
        {
            var common = 0;
            while (common < open.Count && common < target.Count && JsonNode.DeepEquals(open[common], target[common])) common++;
            for (var i = open.Count - 1; i >= common; i--) output.Append(Closer(open[i]));
            open.RemoveRange(common, open.Count - common);
            for (var i = common; i < target.Count; i++)
            {
                output.Append(Opener(target[i]));
                open.Add(target[i]);
            }
        }

        private static string Opener(JsonObject mark) => Adf.TypeOf(mark) switch
        {
            "link" => "[",
            "strong" => "**",
            "em" => "*",
            "strike" => "~~",
            _ => "",
        };

        private static string Closer(JsonObject mark) => Adf.TypeOf(mark) switch
        {
            "link" => "](" + Destination(Adf.AttrString(mark, "href") ?? "") + Title(Adf.AttrString(mark, "title")) + ")",
            "strong" => "**",
            "em" => "*",
            "strike" => "~~",
            _ => "",
        };

        private static string Destination(string href) =>
            href.Length == 0 || href.Any(c => c is ' ' or '(' or ')' or '<' or '>')
                ? "<" + href.Replace(">", "%3E", StringComparison.Ordinal).Replace("<", "%3C", StringComparison.Ordinal) + ">"
                : href;

        private static string Title(string? title) =>
            title is null ? "" : " \"" + title.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

        private static string CodeSpan(string code)
        {
            var fence = new string('`', LongestRun(code, '`') + 1);
            var pad = code.StartsWith('`') || code.EndsWith('`') || (code.StartsWith(' ') && code.EndsWith(' ') && code.Trim().Length > 0)
                ? " " : "";
            return fence + pad + code + pad + fence;
        }

        /// <summary>Backslash-escapes what Markdown would read as syntax, and keeps leading and trailing spaces of a
        /// line (which Markdown strips) as character references.</summary>
        internal static string Escape(string text, bool atLineStart, bool atLineEnd)
        {
            var output = new StringBuilder(text.Length + 8);
            var lines = text.Split('\n');
            for (var l = 0; l < lines.Length; l++)
            {
                if (l > 0) output.Append('\n');
                var line = lines[l];
                var lineStart = l > 0 || atLineStart;
                var leading = lineStart ? line.Length - line.TrimStart(' ', '\t').Length : 0;
                var trailing = l < lines.Length - 1 || atLineEnd ? line.Length - line.TrimEnd(' ', '\t').Length : 0;
                if (leading == line.Length) { leading = line.Length; trailing = 0; }
                for (var i = 0; i < line.Length; i++)
                {
                    var c = line[i];
                    if (i < leading || i >= line.Length - trailing)
                    {
                        output.Append(c == '\t' ? "&#9;" : "&#32;");
                        continue;
                    }
                    if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '~' or '<' or '&' or '|')
                        output.Append('\\');
                    else if (lineStart && i == leading && c is '#' or '-' or '+' or '>' or '=')
                        output.Append('\\');
                    output.Append(c);
                    if (lineStart && i == leading && char.IsAsciiDigit(c))
                    {
                        var match = OrderedMarker().Match(line, i);
                        if (match.Success)
                        {
                            output.Append(line, i + 1, match.Length - 2).Append('\\').Append(line[i + match.Length - 1]);
                            i += match.Length - 1;
                        }
                    }
                }
            }
            return output.ToString();
        }

        [GeneratedRegex(@"\G\d{1,9}[.)]")]
        private static partial Regex OrderedMarker();
    }
}
