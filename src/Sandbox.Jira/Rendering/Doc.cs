using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sandbox.Jira.Rendering;

/// <summary>Reading and building ADF nodes as Jira stores them (docs/reference/jira.md §3.1). The sandbox's own: it
/// shares no code with the product's converters, so a converter bug cannot hide behind the sandbox agreeing with it.</summary>
internal static class Doc
{
    public static JsonObject Root(IEnumerable<JsonNode> blocks) =>
        new() { ["type"] = "doc", ["version"] = 1, ["content"] = new JsonArray([.. blocks]) };

    public static JsonObject Block(string type, IEnumerable<JsonNode>? content = null, JsonObject? attrs = null)
    {
        var node = new JsonObject { ["type"] = type };
        if (attrs is not null) node["attrs"] = attrs;
        if (content is not null) node["content"] = new JsonArray([.. content]);
        return node;
    }

    public static JsonObject Text(string text, IEnumerable<JsonObject>? marks = null)
    {
        var node = new JsonObject { ["type"] = "text", ["text"] = text };
        var list = marks?.ToList();
        if (list is { Count: > 0 }) node["marks"] = new JsonArray([.. list.Select(m => (JsonNode)m.DeepClone())]);
        return node;
    }

    public static JsonObject Mark(string type, JsonObject? attrs = null) =>
        attrs is null ? new JsonObject { ["type"] = type } : new JsonObject { ["type"] = type, ["attrs"] = attrs };

    public static string Type(JsonNode? node) =>
        node is JsonObject o && o["type"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : "";

    public static IReadOnlyList<JsonNode> Children(JsonNode? node) =>
        node is JsonObject o && o["content"] is JsonArray a ? [.. a.OfType<JsonNode>()] : [];

    public static IReadOnlyList<JsonObject> Marks(JsonNode? node) =>
        node is JsonObject o && o["marks"] is JsonArray a ? [.. a.OfType<JsonObject>()] : [];

    public static string TextOf(JsonNode? node) =>
        node is JsonObject o && o["text"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : "";

    public static string? Attr(JsonNode? node, string name) =>
        node is JsonObject o && o["attrs"] is JsonObject attrs && attrs[name] is JsonValue v
            ? v.GetValueKind() switch
            {
                JsonValueKind.String => v.GetValue<string>(),
                JsonValueKind.Number => v.ToJsonString(),
                _ => null,
            }
            : null;
}
