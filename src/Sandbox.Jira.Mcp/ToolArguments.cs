using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sandbox.Jira.Mcp;

/// <summary>A call's arguments as mcp-atlassian's pydantic layer reads them; "JSON string" arguments are parsed here.</summary>
internal sealed class ToolArguments(IDictionary<string, JsonElement>? values)
{
    public string? String(string name) => values is not null && values.TryGetValue(name, out var value)
        ? value.ValueKind switch { JsonValueKind.String => value.GetString(), JsonValueKind.Number => value.GetRawText(), _ => null }
        : null;

    public string Required(string name) => String(name) is { Length: > 0 } text ? text : throw new ToolInputException($"1 validation error for call[{name}]\n  Field required");

    public int Int(string name, int fallback) => values is not null && values.TryGetValue(name, out var value)
        ? value.ValueKind == JsonValueKind.Number ? value.GetInt32()
            : int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed
            : throw new ToolInputException($"1 validation error for call[{name}]\n  Input should be a valid integer")
        : fallback;

    /// <summary>An argument that carries a JSON object inside a string (mcp-atlassian's <c>fields</c>,
    /// <c>additional_fields</c>); a real object is accepted too, as the server does.</summary>
    public JsonObject? JsonObjectString(string name)
    {
        if (values is null || !values.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Object) return JsonNode.Parse(value.GetRawText()) as JsonObject;
        try
        {
            return JsonNode.Parse(value.GetString() ?? "") as JsonObject ?? throw new ToolInputException($"Parsed {name} is not a JSON object (dict).");
        }
        catch (JsonException error)
        {
            throw new ToolInputException($"{name} is not valid JSON: {error.Message}");
        }
    }

    public bool Has(string name) => values is not null && values.ContainsKey(name);
}

internal sealed class ToolInputException(string message) : Exception(message);
