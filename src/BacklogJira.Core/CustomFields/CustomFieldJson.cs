using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BacklogJira.Core.Mapping;
using BacklogJira.Core.Ports;
using BacklogJira.Core.Text;

namespace BacklogJira.Core.CustomFields;

/// <summary>
/// A custom field's value between Jira's JSON (docs/reference/jira.md §7) and its canonical items: one text per item in
/// the form <see cref="CustomFieldText"/> gives, so a value read from Jira and the same value read from a task compare
/// equal. Users stay <see cref="JiraUser"/>s here; the user mapping turns them into handles.
/// </summary>
public static class CustomFieldJson
{
    /// <summary>The canonical items of a non-user value; null when Jira's JSON is not in the kind's shape (never read
    /// as empty: the caller reports it).</summary>
    public static IReadOnlyList<string>? Items(CustomFieldKind kind, JsonNode? value)
    {
        if (value is null) return [];
        return kind switch
        {
            CustomFieldKind.Text or CustomFieldKind.Url => One(Plain(value)),
            CustomFieldKind.RichText => RichText(value),
            CustomFieldKind.Number => value is JsonValue number && number.GetValueKind() == JsonValueKind.Number
                ? One(CustomFieldText.Number(number.ToJsonString(), out _))
                : One(Plain(value) is { } text ? CustomFieldText.Number(text, out _) : null),
            CustomFieldKind.Date => One(Plain(value) is { } date ? CustomFieldText.Date(date, out _) : null),
            CustomFieldKind.DateTime => One(Plain(value) is { } time ? CustomFieldText.DateTime(time, out _) : null),
            CustomFieldKind.Option => One(Plain(Prop(value, "value"))),
            CustomFieldKind.Cascading => One(Plain(Prop(value, "value")) is { } parent
                ? Plain(Prop(Prop(value, "child"), "value")) is { } child ? CustomFieldText.Cascading(parent, child) : parent
                : null),
            CustomFieldKind.Version => One(Plain(Prop(value, "name"))),
            CustomFieldKind.Options => List(value, item => Plain(Prop(item, "value"))),
            CustomFieldKind.Labels => List(value, Plain),
            CustomFieldKind.Versions or CustomFieldKind.Components => List(value, item => Plain(Prop(item, "name"))),
            _ => null,
        };
    }

    /// <summary>The users of a user-picker value; null when the JSON holds no user objects.</summary>
    public static IReadOnlyList<JiraUser>? Users(JsonNode? value) => value switch
    {
        null => [],
        JsonObject one => User(one) is { } user ? [user] : null,
        JsonArray list => list.Select(User).ToList() is var users && users.All(u => u is not null) ? users.OfType<JiraUser>().ToList() : null,
        _ => null,
    };

    /// <summary>Canonical items in Jira's request shape (users are rendered by the client: <see cref="JiraFieldValue.Users"/>).</summary>
    public static JiraFieldValue Request(CustomFieldKind kind, IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var first = items.Count > 0 ? items[0] : null;
        return kind switch
        {
            CustomFieldKind.RichText => new JiraFieldValue.RichText(first ?? ""),
            CustomFieldKind.Text or CustomFieldKind.Url or CustomFieldKind.Date => new JiraFieldValue.Json(first is null ? null : JsonValue.Create(first)),
            CustomFieldKind.Number => new JiraFieldValue.Json(first is null ? null : JsonValue.Create(decimal.Parse(first, NumberStyles.Float, CultureInfo.InvariantCulture))),
            CustomFieldKind.DateTime => new JiraFieldValue.Json(first is null ? null : JsonValue.Create(CustomFieldText.JiraDateTime(first))),
            CustomFieldKind.Option => new JiraFieldValue.Json(first is null ? null : new JsonObject { ["value"] = first }),
            CustomFieldKind.Version => new JiraFieldValue.Json(first is null ? null : new JsonObject { ["name"] = first }),
            CustomFieldKind.Cascading => new JiraFieldValue.Json(first is null ? null : Cascading(first)),
            CustomFieldKind.Options => new JiraFieldValue.Json(new JsonArray([.. items.Select(i => (JsonNode)new JsonObject { ["value"] = i })])),
            CustomFieldKind.Versions or CustomFieldKind.Components => new JiraFieldValue.Json(new JsonArray([.. items.Select(i => (JsonNode)new JsonObject { ["name"] = i })])),
            CustomFieldKind.Labels => new JiraFieldValue.Json(new JsonArray([.. items.Select(i => (JsonNode)JsonValue.Create(i))])),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "user fields are written as JiraFieldValue.Users"),
        };
    }

    private static JsonObject Cascading(string value)
    {
        var (parent, child) = CustomFieldText.SplitCascading(value);
        var json = new JsonObject { ["value"] = parent };
        if (child is not null) json["child"] = new JsonObject { ["value"] = child };
        return json;
    }

    private static IReadOnlyList<string>? RichText(JsonNode value)
    {
        var markdown = value is JsonObject adf ? JiraText.AdfToMarkdown(adf) : Plain(value) is { } wiki ? JiraText.WikiToMarkdown(wiki) : null;
        return markdown is null ? null : One(CanonicalText.Markdown(markdown));
    }

    private static IReadOnlyList<string>? One(string? item) => item is null ? null : item.Trim().Length == 0 ? [] : [item.Trim()];

    private static IReadOnlyList<string>? List(JsonNode value, Func<JsonNode?, string?> read)
    {
        if (value is not JsonArray list) return null;
        var items = list.Select(read).ToList();
        return items.Any(i => i is null) ? null : [.. items.OfType<string>().Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>A property of an object; null for anything else (Jira's JSON is never trusted to have the shape).</summary>
    private static JsonNode? Prop(JsonNode? node, string name) => node is JsonObject json ? json[name] : null;

    private static string? Plain(JsonNode? node) =>
        node is JsonValue value ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        } : null;

    private static JiraUser? User(JsonNode? json) =>
        json is JsonObject user && (Plain(user["accountId"]) ?? Plain(user["name"]) ?? Plain(user["key"])) is not null
            ? new JiraUser(Plain(user["accountId"]), Plain(user["name"]), Plain(user["key"]), Plain(user["displayName"]) ?? "",
                Plain(user["emailAddress"]), user["active"]?.GetValueKind() != JsonValueKind.False, Plain(user["timeZone"]))
            : null;
}
