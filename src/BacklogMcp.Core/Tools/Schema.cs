using System.Text.Json.Nodes;

namespace BacklogMcp.Core.Tools;

/// <summary>Small builders for the JSON Schemas the tools advertise (inputs and outputs).</summary>
public static class Schema
{
    public static JsonObject Input(JsonObject properties, params string[] required)
    {
        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Length > 0) schema["required"] = new JsonArray([.. required.Select(r => (JsonNode)r)]);
        schema["additionalProperties"] = false;
        return schema;
    }

    /// <summary>An output object: extra properties allowed, so fields can be added without breaking validators.</summary>
    public static JsonObject Output(JsonObject properties, params string[] required)
    {
        var schema = Input(properties, required);
        schema.Remove("additionalProperties");
        return schema;
    }

    public static JsonObject Text(string description, int? minLength = null)
    {
        var schema = new JsonObject { ["type"] = "string", ["description"] = description };
        if (minLength is { } min) schema["minLength"] = min;
        return schema;
    }

    public static JsonObject WholeNumber(string description, int? minimum = null, int? maximum = null, int? @default = null)
    {
        var schema = new JsonObject { ["type"] = "integer", ["description"] = description };
        if (minimum is { } min) schema["minimum"] = min;
        if (maximum is { } max) schema["maximum"] = max;
        if (@default is { } d) schema["default"] = d;
        return schema;
    }

    public static JsonObject Number(string description) => new() { ["type"] = "number", ["description"] = description };

    public static JsonObject Bool(string description, bool? @default = null)
    {
        var schema = new JsonObject { ["type"] = "boolean", ["description"] = description };
        if (@default is { } d) schema["default"] = d;
        return schema;
    }

    public static JsonObject Enum(string description, string[] values, string? @default = null)
    {
        var schema = new JsonObject { ["type"] = "string", ["description"] = description, ["enum"] = new JsonArray([.. values.Select(v => (JsonNode)v)]) };
        if (@default is not null) schema["default"] = @default;
        return schema;
    }

    /// <summary>Ids or names, as an array or a comma-separated string.</summary>
    public static JsonObject IdOrNameList(string description) => new()
    {
        ["description"] = description,
        ["anyOf"] = new JsonArray(
            new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "integer", ["minimum"] = 1 }, new JsonObject { ["type"] = "string" }) } },
            new JsonObject { ["type"] = "string" }),
    };

    public static JsonObject ArrayOf(JsonObject items) => new() { ["type"] = "array", ["items"] = items };

    public static JsonObject Nullable(string type) => new() { ["type"] = new JsonArray(type, "null") };

    public static JsonObject Type(string type) => new() { ["type"] = type };
}
