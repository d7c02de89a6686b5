using System.Text.Json;
using System.Text.Json.Nodes;

namespace BacklogJira.Cli.Rendering;

/// <summary>One ops-log record as people read it: time, operation, pair, outcome, fields and details on one line.
/// A line that is not JSON (a log cut by a crash, an edit by hand) is shown as it is, never dropped.</summary>
internal static class OpsLogLine
{
    public static string Format(string line, bool withTask)
    {
        JsonNode? entry;
        try
        {
            entry = JsonNode.Parse(line);
        }
        catch (JsonException)
        {
            return $"  (not a log record) {line}";
        }
        string Text(string key) => entry?[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
        var pair = withTask ? $"{Text("backlogId")} ⇄ {Text("jiraKey")}" : Text("jiraKey");
        var fields = entry?["fields"] is JsonArray list ? " " + string.Join(", ", list.Select(f => f is JsonValue v && v.TryGetValue<string>(out var s) ? s : "")) : "";
        var details = Text("details") is { Length: > 0 } d ? " — " + d : "";
        return $"  {Text("ts")} {Text("op")} {pair} {Text("outcome")}{fields}{details}";
    }
}
