using System.Text.Json.Nodes;

namespace BacklogJira.Cli.Commands.Mcp.Serve;

/// <summary>JSON Schema pieces the tools of <c>mcp serve</c> share (docs/agents.md).</summary>
internal static class AgentSchemas
{
    public static JsonObject Object(JsonObject properties, params string[] required)
    {
        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties, ["additionalProperties"] = false };
        if (required.Length > 0) schema["required"] = new JsonArray([.. required.Select(r => (JsonNode)r)]);
        return schema;
    }

    public static JsonObject Text(string description) => new() { ["type"] = "string", ["description"] = description };

    public static JsonObject Flag(string description) => new() { ["type"] = "boolean", ["description"] = description };

    public static JsonObject Choice(string description, params string[] values) =>
        new() { ["type"] = "string", ["enum"] = new JsonArray([.. values.Select(v => (JsonNode)v)]), ["description"] = description };

    public static JsonObject Texts(string description) => new() { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" }, ["description"] = description };

    public static JsonObject Nullable(string type) => new() { ["type"] = new JsonArray(type, "null") };

    public static JsonObject ArrayOf(JsonObject items) => new() { ["type"] = "array", ["items"] = items };

    public static JsonObject TaskIds => Texts("Task ids (TASK-12, task-12 or 12); none or empty: every mapped task.");

    public static JsonObject StrategySchema => Choice("How conflicts are settled: manual (left as conflicts, the default), prefer-backlog or prefer-jira.", "manual", "prefer-backlog", "prefer-jira");

    /// <summary>One pair's result, as <c>--json</c> of the CLI prints it.</summary>
    public static JsonObject Pair => Object(new JsonObject
    {
        ["taskId"] = new JsonObject { ["type"] = "string" },
        ["jiraKey"] = Nullable("string"),
        ["state"] = new JsonObject { ["type"] = "string" },
        ["pushed"] = ArrayOf(new JsonObject { ["type"] = "string" }),
        ["pulled"] = ArrayOf(new JsonObject { ["type"] = "string" }),
        ["conflicts"] = ArrayOf(new JsonObject { ["type"] = "string" }),
        ["changes"] = ArrayOf(Object(new JsonObject
        {
            ["field"] = new JsonObject { ["type"] = "string" }, ["direction"] = new JsonObject { ["type"] = "string" },
            ["oldValue"] = new JsonObject { ["type"] = "string" }, ["newValue"] = new JsonObject { ["type"] = "string" },
        }, "field", "direction", "oldValue", "newValue")),
        ["warnings"] = ArrayOf(new JsonObject { ["type"] = "string" }),
        ["error"] = Nullable("string"),
        ["waiting"] = ArrayOf(Object(new JsonObject
        {
            ["field"] = new JsonObject { ["type"] = "string" }, ["direction"] = new JsonObject { ["type"] = "string" }, ["reason"] = new JsonObject { ["type"] = "string" },
        }, "field", "direction", "reason")),
        ["movedFrom"] = Nullable("string"),
    }, "taskId", "jiraKey", "state", "pushed", "pulled", "conflicts", "changes", "warnings", "error", "waiting");

    /// <summary>An answer that lists pairs.</summary>
    public static JsonObject Pairs => Object(new JsonObject { ["pairs"] = ArrayOf(Pair) }, "pairs");
}
