using System.Text.Json.Nodes;

namespace BacklogJira.Core.Text;

/// <summary>
/// Puts an ADF document in the form two equal documents share (docs/reference/jira.md §3.3): Jira adds <c>localId</c>s,
/// reorders marks and splits text nodes when it stores a document, so documents are compared only after this.
/// </summary>
public static class AdfNormalizer
{
    public static JsonObject? Normalize(JsonNode? document)
    {
        if (document is not JsonObject doc) return null;
        var normalized = (JsonObject)NormalizeNode(doc);
        if (normalized["content"] is JsonArray content)
        {
            while (content.Count > 0 && IsEmptyParagraph(content[^1])) content.RemoveAt(content.Count - 1);
        }
        return normalized;
    }

    public static bool AreEquivalent(JsonNode? left, JsonNode? right) =>
        JsonNode.DeepEquals(Normalize(left) ?? EmptyDoc(), Normalize(right) ?? EmptyDoc());

    internal static bool SameMarks(JsonNode left, JsonNode right) =>
        JsonNode.DeepEquals(SortedMarks(left), SortedMarks(right));

    private static JsonObject EmptyDoc() => Adf.Doc([]);

    private static JsonNode NormalizeNode(JsonObject node)
    {
        var type = Adf.TypeOf(node);
        var result = new JsonObject();
        foreach (var (key, value) in node.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            switch (key)
            {
                case "attrs":
                    var attrs = NormalizeAttrs(type, value as JsonObject);
                    if (attrs is { Count: > 0 }) result[key] = attrs;
                    break;
                case "marks":
                    var marks = SortedMarks(node);
                    if (marks.Count > 0) result[key] = marks;
                    break;
                case "content":
                    var children = new List<JsonNode>();
                    // Empty paragraphs are spacing, not content: Markdown cannot hold them (see docs/jira-text.md).
                    foreach (var child in Adf.ContentOf(node).Where(c => !IsEmptyParagraph(c)))
                        children.Add(child is JsonObject o ? NormalizeNode(o) : child.DeepClone());
                    result[key] = new JsonArray([.. MarkdownToAdf.MergeAdjacentText(children)]);
                    break;
                default:
                    result[key] = value?.DeepClone();
                    break;
            }
        }
        if (type == "paragraph" && result["content"] is null) result["content"] = new JsonArray();
        return result;
    }

    private static JsonObject? NormalizeAttrs(string type, JsonObject? attrs)
    {
        if (attrs is null) return null;
        var result = new JsonObject();
        foreach (var (key, value) in attrs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (key == "localId") continue;
            if (value is null) continue;
            if (type == "orderedList" && key == "order" && value.ToJsonString() == "1") continue;
            if (type == "codeBlock" && key == "language" && value.ToJsonString() == "\"\"") continue;
            if (type == "hardBreak" && key == "text") continue;
            result[key] = value.DeepClone();
        }
        return result;
    }

    private static JsonArray SortedMarks(JsonNode node) =>
        new([.. Adf.MarksOf(node)
            .OrderBy(m => Adf.TypeOf(m), StringComparer.Ordinal)
            .Select(m => (JsonNode)NormalizeNode(m))]);

    private static bool IsEmptyParagraph(JsonNode? node) =>
        Adf.TypeOf(node) == "paragraph" && Adf.ContentOf(node).Count == 0;
}
