using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BacklogJira.Core.Text;

/// <summary>Builds nested ADF lists from wiki list lines (<c>*</c>, <c>#</c>, mixed <c>#*</c>, depth by marker count).</summary>
internal static partial class WikiList
{
    public static JsonObject Build(List<(string Markers, string Text)> items, int from, int to, int depth)
    {
        var kind = items[from].Markers.Length > depth ? items[from].Markers[depth] : '*';
        var direct = new List<int>();
        for (var i = from; i < to; i++)
            if (items[i].Markers.Length <= depth + 1) direct.Add(i);
        var isTaskList = direct.Count > 0 && direct.All(i => TaskPrefix().IsMatch(items[i].Text));
        var content = new List<JsonNode>();
        for (var d = 0; d < direct.Count; d++)
        {
            var index = direct[d];
            var childrenEnd = d + 1 < direct.Count ? direct[d + 1] : to;
            var text = items[index].Text;
            if (isTaskList)
            {
                var match = TaskPrefix().Match(text);
                var state = match.Groups["check"].Value.Trim().Length > 0 ? "DONE" : "TODO";
                content.Add(Adf.Node("taskItem", Inline(text[match.Length..]),
                    new JsonObject { ["localId"] = "", ["state"] = state }));
                if (index + 1 < childrenEnd) content.Add(Build(items, index + 1, childrenEnd, depth + 1));
                continue;
            }
            var itemContent = new List<JsonNode> { Adf.Node("paragraph", Inline(text)) };
            if (index + 1 < childrenEnd) itemContent.Add(Build(items, index + 1, childrenEnd, depth + 1));
            content.Add(Adf.Node("listItem", itemContent));
        }
        if (direct.Count == 0 || direct[0] != from)
        {
            // Deeper lines before the first line of this depth: nest them under an empty item.
            var end = direct.Count > 0 ? direct[0] : to;
            content.Insert(0, Adf.Node("listItem", [Adf.Node("paragraph", []), Build(items, from, end, depth + 1)]));
        }
        if (isTaskList) return Adf.Node("taskList", content, new JsonObject { ["localId"] = "" });
        return Adf.Node(kind == '#' ? "orderedList" : "bulletList", content);
    }

    private static List<JsonNode> Inline(string text) =>
        WikiInline.Parse(text.Replace(" \\\\ ", "\n", StringComparison.Ordinal));

    [GeneratedRegex(@"^\\?\[(?<check>[ xX]?)\\?\]\s")]
    private static partial Regex TaskPrefix();
}
