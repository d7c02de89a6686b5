using System.Text.Json.Nodes;

namespace Sandbox.Jira.Rendering;

/// <summary>Wiki list lines (<c>*</c>, <c>-</c>, <c>#</c>, nested by repeating: <c>**</c>, <c>#*</c>) as ADF lists: each
/// marker string is a path, an item's deeper lines become a list inside it. No task items: wiki has no such syntax.</summary>
internal static class WikiLists
{
    /// <summary>One list per run of lines of the same kind: a <c>#</c> line after <c>*</c> lines starts a new list.</summary>
    public static IEnumerable<JsonNode> Build(IReadOnlyList<string> lines)
    {
        var items = lines.Select(Parse).ToList();
        var lists = new List<JsonNode>();
        var position = 0;
        while (position < items.Count) lists.Add(List(items, ref position, 1));
        return lists;
    }

    private static (string Markers, string Text) Parse(string line)
    {
        var trimmed = line.TrimStart();
        var markers = trimmed.StartsWith('-') ? "*" : new string([.. trimmed.TakeWhile(c => c is '*' or '#')]);
        var length = trimmed.StartsWith('-') ? 1 : markers.Length;
        return (markers, trimmed[length..].Trim());
    }

    private static JsonObject List(List<(string Markers, string Text)> items, ref int position, int depth)
    {
        var kind = items[position].Markers[depth - 1] == '#' ? "orderedList" : "bulletList";
        var children = new List<JsonNode>();
        while (position < items.Count && items[position].Markers.Length >= depth)
        {
            var (markers, text) = items[position];
            if (markers.Length == depth && (markers[depth - 1] == '#') != (kind == "orderedList")) break;
            var content = new List<JsonNode>();
            if (markers.Length == depth)
            {
                content.Add(Doc.Block("paragraph", WikiInlines.Parse(text)));
                position++;
            }
            else content.Add(Doc.Block("paragraph", []));
            while (position < items.Count && items[position].Markers.Length > depth)
                content.Add(List(items, ref position, depth + 1));
            children.Add(Doc.Block("listItem", content));
        }
        return kind == "orderedList"
            ? Doc.Block("orderedList", children, new JsonObject { ["order"] = 1 })
            : Doc.Block("bulletList", children);
    }
}
