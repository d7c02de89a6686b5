using System.Text.Json.Nodes;

namespace BacklogJira.Cli.Commands.Mcp.Serve;

/// <summary>One MCP tool of <c>mcp serve</c>: what it is called and takes, what it answers (an output schema the
/// structured content matches), how it behaves (annotations), and the operation it is a face of.</summary>
internal sealed record AgentTool(
    string Name,
    string Title,
    string Description,
    JsonObject InputSchema,
    JsonObject OutputSchema,
    bool Writes,
    bool Destructive,
    bool Idempotent,
    Func<AgentArgs, CancellationToken, Task<AgentAnswer>> Run);

/// <summary>A tool's answer: a few lines for the model, and the facts as JSON for programs.</summary>
internal sealed record AgentAnswer(string Text, JsonObject Structured);

/// <summary>A tool call's arguments, read with the refusals an agent can act on.</summary>
internal sealed class AgentArgs(JsonObject values)
{
    public string? Text(string name) => values[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Trim().Length > 0 ? s.Trim() : null;

    public string Required(string name) => Text(name) ?? throw new AgentInputException($"{name} is required.");

    public int? Count(string name, int min, int max) => values[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<int>(out var n) && n >= min && n <= max => n,
        var other => throw new AgentInputException($"{name} must be a whole number from {min} to {max}, not {other.ToJsonString()}."),
    };

    public double? Number(string name, double min, double max) => values[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<double>(out var n) && n >= min && n <= max => n,
        var other => throw new AgentInputException($"{name} must be a number from {min} to {max}, not {other.ToJsonString()}."),
    };

    public bool Flag(string name) => values[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    public IReadOnlyList<string> List(string name) => values[name] switch
    {
        null => [],
        JsonArray items => [.. items.Select(i => i is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : throw new AgentInputException($"{name} must be a list of strings."))],
        JsonValue v when v.TryGetValue<string>(out var s) => [.. s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        _ => throw new AgentInputException($"{name} must be a list of strings."),
    };

    public JsonObject? Object(string name) => values[name] as JsonObject;

    public void RejectUnknown(IEnumerable<string> known)
    {
        var unknown = values.Select(v => v.Key).Except(known, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0) throw new AgentInputException($"unknown argument(s) {string.Join(", ", unknown)}; this tool takes {string.Join(", ", known)}.");
    }
}

/// <summary>An argument an agent got wrong; the message says which and what it takes.</summary>
internal sealed class AgentInputException(string message) : Exception(message);
