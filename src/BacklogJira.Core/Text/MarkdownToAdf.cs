using System.Text.Json.Nodes;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BacklogJira.Core.Text;

/// <summary>
/// Markdown (CommonMark + GFM task lists, tables, strikethrough) to an ADF document, following the mapping of
/// docs/reference/jira.md §3.3: every line break inside a paragraph becomes a <c>hardBreak</c> so multi-line task text
/// survives, <c>@[Name](accountid:ID)</c> is a mention, and <c>&lt;!--adf:{…}--&gt;</c> placeholders are re-inflated.
/// </summary>
public static class MarkdownToAdf
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseTaskLists()
        .UsePipeTables()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        .Build();

    public static JsonObject Convert(string markdown)
    {
        var document = Markdown.Parse(markdown.Replace("\r\n", "\n", StringComparison.Ordinal), Pipeline);
        return Adf.Doc(Blocks(document));
    }

    private static List<JsonNode> Blocks(ContainerBlock container)
    {
        var result = new List<JsonNode>();
        foreach (var block in container) result.AddRange(Block(block));
        return result;
    }

    private static IEnumerable<JsonNode> Block(Block block) => block switch
    {
        HeadingBlock heading => [Adf.Node("heading", Inlines(heading.Inline), new JsonObject { ["level"] = heading.Level })],
        ParagraphBlock paragraph => [Adf.Node("paragraph", Inlines(paragraph.Inline))],
        ThematicBreakBlock => [Adf.Node("rule")],
        FencedCodeBlock fenced => [CodeBlock(fenced, string.IsNullOrEmpty(fenced.Info) ? null : fenced.Info)],
        CodeBlock code => [CodeBlock(code, null)],
        QuoteBlock quote => [Adf.Node("blockquote", Blocks(quote))],
        ListBlock list => [List(list)],
        Table table => [TableNode(table)],
        HtmlBlock html => Html(html),
        LinkReferenceDefinitionGroup => [],
        ContainerBlock other => Blocks(other),
        _ => [],
    };

    private static JsonObject CodeBlock(LeafBlock code, string? language)
    {
        var text = code.Lines.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        var attrs = language is null ? null : new JsonObject { ["language"] = language };
        return Adf.Node("codeBlock", text.Length == 0 ? [] : [Adf.Text(text)], attrs);
    }

    private static IEnumerable<JsonNode> Html(HtmlBlock html)
    {
        var source = html.Lines.ToString();
        var nodes = new List<JsonNode>();
        foreach (var line in source.Split('\n'))
        {
            if (line.Trim().Length == 0) continue;
            var node = AdfPlaceholder.TryUnwrap(line);
            nodes.Add(node ?? Adf.Node("paragraph", [Adf.Text(line)]));
        }
        return nodes;
    }

    private static JsonObject List(ListBlock list)
    {
        var items = list.OfType<ListItemBlock>().ToList();
        if (items.Count > 0 && items.All(IsPureTaskItem)) return TaskListNode(items);
        var listItems = items.Select(item => (JsonNode)Adf.Node("listItem", ListItemContent(item))).ToList();
        if (!list.IsOrdered) return Adf.Node("bulletList", listItems);
        var start = int.TryParse(list.OrderedStart, out var n) ? n : 1;
        return Adf.Node("orderedList", listItems, start == 1 ? null : new JsonObject { ["order"] = start });
    }

    private static List<JsonNode> ListItemContent(ListItemBlock item)
    {
        var content = Blocks(item);
        // ADF requires a listItem to open with a paragraph.
        if (content.Count == 0 || Adf.TypeOf(content[0]) is not ("paragraph" or "codeBlock"))
            content.Insert(0, Adf.Node("paragraph", []));
        return content;
    }

    private static bool IsTaskItem(ListItemBlock item) =>
        item.Count > 0 && item[0] is ParagraphBlock { Inline.FirstChild: TaskList };

    // A taskItem holds inline content only; an item with other blocks under it stays a bullet list with "[ ]" text.
    private static bool IsPureTaskItem(ListItemBlock item) =>
        IsTaskItem(item) && item.Skip(1).All(nested =>
            nested is ListBlock list && list.OfType<ListItemBlock>().All(IsPureTaskItem));

    // A nested task list is a sibling taskList after its parent taskItem (ADF cannot nest blocks in a taskItem).
    private static JsonObject TaskListNode(IEnumerable<ListItemBlock> items)
    {
        var content = new List<JsonNode>();
        foreach (var item in items)
        {
            var paragraph = (ParagraphBlock)item[0];
            var check = (Markdig.Extensions.TaskLists.TaskList)paragraph.Inline!.FirstChild!;
            var inlines = Inlines(paragraph.Inline, skip: check);
            TrimLeadingSpace(inlines);
            content.Add(Adf.Node("taskItem", inlines,
                new JsonObject { ["localId"] = "", ["state"] = check.Checked ? "DONE" : "TODO" }));
            foreach (var nested in item.Skip(1).OfType<ListBlock>())
                content.Add(TaskListNode(nested.OfType<ListItemBlock>()));
        }
        return Adf.Node("taskList", content, new JsonObject { ["localId"] = "" });
    }

    private static void TrimLeadingSpace(List<JsonNode> inlines)
    {
        if (inlines.Count == 0 || inlines[0] is not JsonObject first || Adf.TypeOf(first) != "text") return;
        var text = Adf.TextOf(first).TrimStart(' ');
        if (text.Length == 0) inlines.RemoveAt(0);
        else first["text"] = text;
    }

    private static JsonObject TableNode(Table table)
    {
        var rows = new List<JsonNode>();
        foreach (var row in table.OfType<TableRow>())
        {
            var cellType = row.IsHeader ? "tableHeader" : "tableCell";
            var cells = row.OfType<TableCell>()
                .Select(cell => (JsonNode)Adf.Node(cellType, CellContent(cell)))
                .ToList();
            rows.Add(Adf.Node("tableRow", cells));
        }
        return Adf.Node("table", rows);
    }

    private static List<JsonNode> CellContent(TableCell cell)
    {
        var blocks = Blocks(cell);
        return blocks.Count == 0 ? [Adf.Node("paragraph", [])] : blocks;
    }

    private static List<JsonNode> Inlines(ContainerInline? container, Inline? skip = null)
    {
        var result = new List<JsonNode>();
        if (container is null) return result;
        AppendInlines(container, [], result, skip);
        return MergeAdjacentText(result);
    }

    private static void AppendInlines(ContainerInline container, List<JsonObject> marks, List<JsonNode> result, Inline? skip)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            if (ReferenceEquals(inline, skip)) continue;
            AppendInline(inline, marks, result);
        }
    }

    private static void AppendInline(Inline inline, List<JsonObject> marks, List<JsonNode> result)
    {
        switch (inline)
        {
            case LiteralInline literal:
                AddText(result, literal.Content.ToString(), marks);
                break;
            case HtmlEntityInline entity:
                AddText(result, entity.Transcoded.ToString(), marks);
                break;
            case LineBreakInline:
                result.Add(Adf.Node("hardBreak"));
                break;
            case CodeInline code:
                AddText(result, code.Content, [.. marks.Where(m => Adf.TypeOf(m) == "link"), Adf.Mark("code")]);
                break;
            case EmphasisInline emphasis:
                AppendInlines(emphasis, [.. marks, EmphasisMark(emphasis)], result, null);
                break;
            case LinkInline { IsImage: true } image:
                // No ADF form for an external image without Jira media: keep it as a link to the image.
                AppendLinked(image, image.Url ?? "", image.Title, marks, result);
                break;
            case LinkInline link when link.Url?.StartsWith("accountid:", StringComparison.Ordinal) == true
                                      && EndsWithAt(result):
                AddMention(result, link);
                break;
            case LinkInline link:
                AppendLinked(link, link.Url ?? "", link.Title, marks, result);
                break;
            case AutolinkInline autolink:
                var href = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
                AddText(result, autolink.Url, [.. marks, LinkMark(href, null)]);
                break;
            case HtmlInline html:
                if (AdfPlaceholder.TryUnwrap(html.Tag) is { } node) result.Add(node);
                else AddText(result, html.Tag, marks);
                break;
            case TaskList check:
                AddText(result, check.Checked ? "[x]" : "[ ]", marks);
                break;
            case ContainerInline container:
                AppendInlines(container, marks, result, null);
                break;
        }
    }

    private static void AppendLinked(ContainerInline link, string href, string? title, List<JsonObject> marks, List<JsonNode> result)
    {
        var linkMarks = new List<JsonObject>([.. marks, LinkMark(href, string.IsNullOrEmpty(title) ? null : title)]);
        var before = result.Count;
        AppendInlines(link, linkMarks, result, null);
        if (result.Count == before) AddText(result, href, linkMarks);
    }

    private static JsonObject LinkMark(string href, string? title)
    {
        var attrs = new JsonObject { ["href"] = href };
        if (title is not null) attrs["title"] = title;
        return Adf.Mark("link", attrs);
    }

    private static JsonObject EmphasisMark(EmphasisInline emphasis) => emphasis.DelimiterChar switch
    {
        '~' => Adf.Mark("strike"),
        _ when emphasis.DelimiterCount >= 2 => Adf.Mark("strong"),
        _ => Adf.Mark("em"),
    };

    private static bool EndsWithAt(List<JsonNode> result) =>
        result.Count > 0 && Adf.TypeOf(result[^1]) == "text" && Adf.TextOf(result[^1]).EndsWith('@');

    private static void AddMention(List<JsonNode> result, LinkInline link)
    {
        var last = (JsonObject)result[^1];
        var text = Adf.TextOf(last)[..^1];
        if (text.Length == 0) result.RemoveAt(result.Count - 1);
        else last["text"] = text;
        var name = string.Concat(InlineText(link));
        result.Add(Adf.Node("mention", attrs: new JsonObject
        {
            ["id"] = link.Url!["accountid:".Length..],
            ["text"] = "@" + name,
        }));
    }

    private static IEnumerable<string> InlineText(ContainerInline container)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            if (inline is LiteralInline literal) yield return literal.Content.ToString();
            else if (inline is CodeInline code) yield return code.Content;
            else if (inline is ContainerInline nested) foreach (var s in InlineText(nested)) yield return s;
        }
    }

    private static void AddText(List<JsonNode> result, string text, IReadOnlyList<JsonObject> marks)
    {
        if (text.Length == 0) return;
        result.Add(Adf.Text(text, marks));
    }

    /// <summary>Markdig splits text at every delimiter it considered; ADF wants one text node per run of marks.</summary>
    internal static List<JsonNode> MergeAdjacentText(List<JsonNode> nodes)
    {
        var merged = new List<JsonNode>();
        foreach (var node in nodes)
        {
            if (merged.Count > 0 && Adf.TypeOf(node) == "text" && Adf.TypeOf(merged[^1]) == "text"
                && AdfNormalizer.SameMarks(merged[^1], node))
            {
                merged[^1]["text"] = Adf.TextOf(merged[^1]) + Adf.TextOf(node);
                continue;
            }
            merged.Add(node);
        }
        return merged;
    }
}
