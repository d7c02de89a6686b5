using System.Text.Json;
using System.Text.Json.Nodes;

namespace BacklogJira.Core.Text;

/// <summary>Constructors and readers for Atlassian Document Format nodes (docs/reference/jira.md §3), kept as JSON nodes
/// so that attributes we do not model survive untouched.</summary>
public static class Adf
{
    public static JsonObject Doc(IEnumerable<JsonNode> blocks) =>
        new() { ["type"] = "doc", ["version"] = 1, ["content"] = new JsonArray([.. blocks]) };

    public static JsonObject Node(string type, IEnumerable<JsonNode>? content = null, JsonObject? attrs = null)
    {
        var node = new JsonObject { ["type"] = type };
        if (attrs is not null) node["attrs"] = attrs;
        if (content is not null) node["content"] = new JsonArray([.. content]);
        return node;
    }

    public static JsonObject Text(string text, IReadOnlyList<JsonObject>? marks = null)
    {
        var node = new JsonObject { ["type"] = "text", ["text"] = text };
        if (marks is { Count: > 0 }) node["marks"] = new JsonArray([.. marks.Select(m => m.DeepClone())]);
        return node;
    }

    public static JsonObject Mark(string type, JsonObject? attrs = null)
    {
        var mark = new JsonObject { ["type"] = type };
        if (attrs is not null) mark["attrs"] = attrs;
        return mark;
    }

    public static string TypeOf(JsonNode? node) =>
        node is JsonObject o && o["type"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    public static IReadOnlyList<JsonNode> ContentOf(JsonNode? node) =>
        node is JsonObject o && o["content"] is JsonArray a ? [.. a.Where(n => n is not null).Select(n => n!)] : [];

    public static IReadOnlyList<JsonObject> MarksOf(JsonNode? node) =>
        node is JsonObject o && o["marks"] is JsonArray a ? [.. a.OfType<JsonObject>()] : [];

    public static string? AttrString(JsonNode? node, string name) =>
        node is JsonObject o && o["attrs"] is JsonObject attrs && attrs[name] is JsonValue v
            ? v.GetValueKind() switch
            {
                JsonValueKind.String => v.GetValue<string>(),
                JsonValueKind.Number => v.ToJsonString(),
                _ => null,
            }
            : null;

    public static int? AttrInt(JsonNode? node, string name) =>
        node is JsonObject o && o["attrs"] is JsonObject attrs && attrs[name] is JsonValue v &&
        v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i) ? i : null;

    public static string TextOf(JsonNode? node) =>
        node is JsonObject o && o["text"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    /// <summary>Parses an ADF document from JSON text; <c>null</c> for JSON null or anything that is not an object.</summary>
    public static JsonObject? Parse(string json) => JsonNode.Parse(json) as JsonObject;
}
