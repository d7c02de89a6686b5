using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;

namespace BacklogMcp.Core.Tools;

/// <summary>
/// Filtering issues by custom field, as Nulab's server's get_issues does (docs/reference/nulab-backlog.md §2.5): each
/// filter names a field of the project by id or name and gives a text to find (text fields), a value or min/max
/// (numbers, dates as yyyy-MM-dd), or items by id or name (lists, checkboxes, radios). Names are resolved in the
/// projects' own field lists; an unknown field or item is refused with what exists, never dropped.
/// </summary>
public static class CustomFieldFilters
{
    public const string Name = "customFields";

    public static JsonObject Schema => new()
    {
        ["type"] = "array",
        ["description"] = "Custom field filters (projectIdOrKey needed): [{\"field\": \"Story points\", \"min\": 3}], [{\"field\": 2, \"value\": [\"iOS\", \"Web\"]}], [{\"field\": \"Found in build\", \"value\": \"1.4\"}]. backlog_get_custom_fields lists the fields.",
        ["items"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["field"] = new JsonObject { ["type"] = new JsonArray("integer", "string"), ["description"] = "The field's id or name." },
                ["value"] = new JsonObject { ["description"] = "Text to find, a number or date to match, or list items (ids or names, one or an array)." },
                ["min"] = new JsonObject { ["type"] = new JsonArray("number", "string"), ["description"] = "Lowest number or date (yyyy-MM-dd), included." },
                ["max"] = new JsonObject { ["type"] = new JsonArray("number", "string"), ["description"] = "Highest number or date (yyyy-MM-dd), included." },
            },
            ["required"] = new JsonArray("field"),
            ["additionalProperties"] = false,
        },
    };

    /// <summary>Adds the filters of <paramref name="args"/> to <paramref name="query"/>.</summary>
    public static async Task AddAsync(NulabQuery query, ToolArgs args, IReadOnlyList<string> projects, ToolContext context, CancellationToken cancellationToken)
    {
        if (args.Raw(Name) is not { ValueKind: JsonValueKind.Array } filters || filters.GetArrayLength() == 0) return;
        if (projects.Count == 0) throw ToolArgs.Invalid("customFields needs projectIdOrKey: custom fields belong to a project.");
        var fields = (await Task.WhenAll(projects.Select(p =>
            context.Api.GetAsync($"/api/v2/projects/{ToolContext.Segment(p)}/customFields", null, NulabJsonContext.Default.ListNulabCustomField, cancellationToken)))).SelectMany(f => f).ToList();
        foreach (var filter in filters.EnumerateArray())
        {
            if (filter.ValueKind != JsonValueKind.Object || !filter.TryGetProperty("field", out var named)) throw ToolArgs.Invalid("each customFields entry needs a field (id or name).");
            var field = Find(fields, named);
            var key = $"customField_{field.Id}";
            filter.TryGetProperty("value", out var value);
            switch (field.TypeId)
            {
                case 1 or 2:
                    query.Add(key, value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length > 0 ? value.GetString()!.Trim()
                        : throw ToolArgs.Invalid($"custom field '{field.Name}' is text: give value, the text to find."));
                    break;
                case 3 or 4:
                    var (min, max) = (Bound(filter, "min", field), Bound(filter, "max", field));
                    if (value.ValueKind is not JsonValueKind.Undefined) min = max = Scalar(value, field);
                    if (min is null && max is null) throw ToolArgs.Invalid($"custom field '{field.Name}' is a {(field.TypeId == 3 ? "number" : "date")}: give value, min or max.");
                    query.Add(key + "_min", min).Add(key + "_max", max);
                    break;
                default:
                    var wanted = value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : value.ValueKind is JsonValueKind.Undefined ? [] : new List<JsonElement> { value };
                    if (wanted.Count == 0) throw ToolArgs.Invalid($"custom field '{field.Name}' is a list: give value, one or more of its items ({Items(field)}).");
                    query.AddArray(key, wanted.Select(w => Item(field, w)));
                    break;
            }
        }
    }

    private static NulabCustomField Find(List<NulabCustomField> fields, JsonElement named)
    {
        var match = named.ValueKind == JsonValueKind.Number && named.TryGetInt32(out var id) ? fields.Find(f => f.Id == id)
            : named.ValueKind == JsonValueKind.String ? fields.Find(f => string.Equals(f.Name, named.GetString()?.Trim(), StringComparison.OrdinalIgnoreCase)) : null;
        return match ?? throw ToolArgs.Invalid($"no custom field {named.GetRawText()} in the project; its fields: {(fields.Count == 0 ? "none" : string.Join(", ", fields.Select(f => $"{f.Name} ({f.Id})")))}.");
    }

    private static int Item(NulabCustomField field, JsonElement wanted)
    {
        var items = field.Items ?? [];
        var match = wanted.ValueKind == JsonValueKind.Number && wanted.TryGetInt32(out var id) ? items.FirstOrDefault(i => i.Id == id)
            : wanted.ValueKind == JsonValueKind.String ? items.FirstOrDefault(i => string.Equals(i.Name, wanted.GetString()?.Trim(), StringComparison.OrdinalIgnoreCase)) : null;
        return match?.Id ?? throw ToolArgs.Invalid($"custom field '{field.Name}' has no item {wanted.GetRawText()}; its items: {Items(field)}.");
    }

    private static string Items(NulabCustomField field) => field.Items is { Count: > 0 } items ? string.Join(", ", items.Select(i => $"{i.Name} ({i.Id})")) : "none";

    private static string? Bound(JsonElement filter, string name, NulabCustomField field) =>
        filter.TryGetProperty(name, out var bound) ? Scalar(bound, field) : null;

    /// <summary>A number as Backlog reads it, or a date checked as yyyy-MM-dd.</summary>
    private static string Scalar(JsonElement value, NulabCustomField field)
    {
        if (field.TypeId == 3)
        {
            if (value.ValueKind == JsonValueKind.Number) return value.GetDecimal().ToString(CultureInfo.InvariantCulture);
            if (value.ValueKind == JsonValueKind.String && decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var n)) return n.ToString(CultureInfo.InvariantCulture);
            throw ToolArgs.Invalid($"custom field '{field.Name}' is a number, not {value.GetRawText()}.");
        }
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : "";
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? text
            : throw ToolArgs.Invalid($"custom field '{field.Name}' is a date: give yyyy-MM-dd, not {value.GetRawText()}.");
    }
}
