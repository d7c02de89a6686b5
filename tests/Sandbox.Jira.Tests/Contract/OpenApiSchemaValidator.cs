using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sandbox.Jira.Tests.Contract;

/// <summary>
/// Checks a JSON answer against the response schema Atlassian's OpenAPI description gives for an operation
/// (Atlassian's public swagger-v3.v3.json, docs/reference/jira.md sources, gzipped here): types, required properties, <c>additionalProperties: false</c>, arrays, enums,
/// <c>$ref</c>, <c>allOf</c>/<c>oneOf</c>/<c>anyOf</c>. Formats are not checked: Jira's own timestamps are not RFC 3339.
/// </summary>
public sealed class OpenApiSchemaValidator
{
    private readonly JsonElement _root;

    private OpenApiSchemaValidator(JsonElement root) => _root = root;

    public static OpenApiSchemaValidator Load()
    {
        using var resource = typeof(OpenApiSchemaValidator).Assembly.GetManifestResourceStream("openapi.json.gz")!;
        using var gzip = new GZipStream(resource, CompressionMode.Decompress);
        return new OpenApiSchemaValidator(JsonDocument.Parse(gzip).RootElement.Clone());
    }

    public JsonElement ResponseSchema(string method, string path, int status) =>
        TryResponseSchema(method, path, status) ?? throw new KeyNotFoundException($"{method} {path} {status} has no JSON body in the OpenAPI description.");

    /// <summary>The response's JSON schema; null for a response the description gives no body (a 204).</summary>
    public JsonElement? TryResponseSchema(string method, string path, int status)
    {
        var operation = _root.GetProperty("paths").GetProperty(path).GetProperty(method.ToLowerInvariant());
        var response = operation.GetProperty("responses").GetProperty(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response.TryGetProperty("content", out var content) ? content.GetProperty("application/json").GetProperty("schema") : null;
    }

    public JsonElement Schema(string name) => _root.GetProperty("components").GetProperty("schemas").GetProperty(name);

    public List<string> Validate(JsonNode? instance, JsonElement schema)
    {
        var errors = new List<string>();
        Check(instance, schema, "$", errors);
        return errors;
    }

    private JsonElement Resolve(JsonElement schema)
    {
        while (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            schema = Schema(name);
        }
        return schema;
    }

    private void Check(JsonNode? instance, JsonElement schema, string path, List<string> errors)
    {
        schema = Resolve(schema);
        if (schema.TryGetProperty("allOf", out var allOf))
        {
            foreach (var part in allOf.EnumerateArray()) Check(instance, part, path, errors);
        }
        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(keyword, out var options) &&
                !options.EnumerateArray().Any(option => Validate(instance, option).Count == 0))
                errors.Add($"{path}: matches none of the {keyword} options");
        }
        if (instance is null)
        {
            // Jira sends null for empty values that the description does not mark nullable (resolution, from, …).
            return;
        }
        if (schema.TryGetProperty("type", out var type))
        {
            var expected = type.GetString();
            var actual = instance.GetValueKind();
            var ok = expected switch
            {
                "object" => actual == JsonValueKind.Object,
                "array" => actual == JsonValueKind.Array,
                "string" => actual == JsonValueKind.String,
                "boolean" => actual is JsonValueKind.True or JsonValueKind.False,
                "integer" => actual == JsonValueKind.Number && instance.AsValue().TryGetValue<long>(out _),
                "number" => actual == JsonValueKind.Number,
                _ => true,
            };
            if (!ok)
            {
                errors.Add($"{path}: expected {expected}, got {actual}");
                return;
            }
        }
        if (schema.TryGetProperty("enum", out var values) && instance is JsonValue value &&
            !values.EnumerateArray().Any(v => v.ToString() == value.ToString()))
            errors.Add($"{path}: '{value}' is not one of the allowed values");
        if (instance is JsonObject obj) CheckObject(obj, schema, path, errors);
        if (instance is JsonArray array && schema.TryGetProperty("items", out var items))
        {
            for (var i = 0; i < array.Count; i++) Check(array[i], items, $"{path}[{i}]", errors);
        }
    }

    private void CheckObject(JsonObject obj, JsonElement schema, string path, List<string> errors)
    {
        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!obj.ContainsKey(name)) errors.Add($"{path}: required property '{name}' is missing");
            }
        }
        foreach (var (name, child) in obj)
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var propertySchema))
            {
                Check(child, propertySchema, $"{path}.{name}", errors);
                continue;
            }
            if (!schema.TryGetProperty("additionalProperties", out var additional)) continue;
            if (additional.ValueKind == JsonValueKind.False && !HasAllOf(schema)) errors.Add($"{path}: property '{name}' is not in the schema");
            else if (additional.ValueKind == JsonValueKind.Object) Check(child, additional, $"{path}.{name}", errors);
        }
    }

    private static bool HasAllOf(JsonElement schema) => schema.TryGetProperty("allOf", out _);
}
