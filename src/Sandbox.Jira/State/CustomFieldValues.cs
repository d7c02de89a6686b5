using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sandbox.Jira.Http;
using Sandbox.Jira.Model;

namespace Sandbox.Jira.State;

/// <summary>
/// A custom field's value in Jira's request and response shapes (docs/reference/jira.md §7): a request value is checked
/// and kept in a canonical form (option ids, user keys, version ids), which is rendered back per API version. A value
/// Jira would refuse gives Jira's message for that field.
/// </summary>
internal sealed class CustomFieldValues(SandboxData data, SandboxProject project, ApiContext context)
{
    /// <summary>The canonical form of <paramref name="value"/>, or null with <paramref name="error"/> set.</summary>
    public JsonNode? Parse(CustomField field, JsonNode? value, out string? error)
    {
        error = null;
        if (value is null) return null;
        try
        {
            return field.IsList ? ParseList(field, value) : ParseOne(field, field.Type, value);
        }
        catch (FieldValueException refused)
        {
            error = refused.Message;
            return null;
        }
    }

    public JsonNode? Render(CustomField field, JsonNode? stored)
    {
        if (stored is null) return null;
        if (field.IsList)
            return new JsonArray([.. (stored as JsonArray ?? []).Select(item => RenderOne(field, field.Items!, item))]);
        return RenderOne(field, field.Type, stored);
    }

    /// <summary>The texts JQL compares: option values (and ids), user ids, version names and ids, the number or text.</summary>
    public static IReadOnlyList<string> SearchTexts(CustomField field, JsonNode? stored, SandboxData data, SandboxProject project, bool isCloud)
    {
        if (stored is null) return [];
        IEnumerable<JsonNode?> items = field.IsList ? (stored as JsonArray ?? []).ToList() : new[] { stored };
        return [.. items.SelectMany(item => ItemTexts(field, field.IsList ? field.Items! : field.Type, item, data, project, isCloud))];
    }

    /// <summary>The value as the changelog shows it: option values, display names, version names, the text.</summary>
    public static string Display(CustomField field, JsonNode stored, SandboxData data, SandboxProject project, bool isCloud)
    {
        IEnumerable<JsonNode?> items = field.IsList ? (stored as JsonArray ?? []).ToList() : new[] { stored };
        var type = field.IsList ? field.Items! : field.Type;
        return string.Join(", ", items.Select(item => type switch
        {
            "option" => field.Options.FirstOrDefault(o => o.Id == Property(item, "id"))?.Value,
            "option-with-child" => field.Options.FirstOrDefault(o => o.Id == Property(item, "id")) is { } parent
                ? parent.Value + (parent.Children.FirstOrDefault(c => c.Id == Property(item, "child")) is { } child ? " - " + child.Value : "")
                : null,
            "user" => data.Users.FirstOrDefault(u => u.Key == item?.ToString())?.DisplayName,
            "version" => project.Versions.FirstOrDefault(v => v.Id == item?.ToString())?.Name,
            "json" when field == CustomFieldCatalog.Sprint => SprintMembership.Find(data, item!.GetValue<long>())?.Name,
            _ => ItemTexts(field, type, item, data, project, isCloud).FirstOrDefault(),
        }).OfType<string>());
    }

    private JsonArray ParseList(CustomField field, JsonNode value)
    {
        if (value is not JsonArray list) throw new FieldValueException($"data was not an array");
        var parsed = new JsonArray();
        foreach (var item in list) parsed.Add(ParseOne(field, field.Items!, item ?? throw new FieldValueException("data was not an array")));
        return parsed;
    }

    private JsonNode ParseOne(CustomField field, string type, JsonNode value) => type switch
    {
        "number" => value.GetValueKind() == JsonValueKind.Number ? JsonValue.Create(value.GetValue<double>())
            : throw new FieldValueException("Operation value must be a number"),
        "string" when field.Kind == "textarea" => RichText.FromRequest(value, context, field.Id) ?? JsonValue.Create(""),
        "string" when field.Kind == "url" => Text(value) is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? JsonValue.Create(url) : throw new FieldValueException($"Not a valid URL"),
        "string" when field.Kind == "labels" => Text(value) is { Length: > 0 } label && !label.Any(char.IsWhiteSpace) ? JsonValue.Create(label)
            : throw new FieldValueException($"The label '{Text(value)}' contains spaces which is invalid."),
        "string" => Text(value) is { } text ? JsonValue.Create(text) : throw new FieldValueException("Operation value must be a string"),
        "date" => Text(value) is { } day && DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? JsonValue.Create(day) : throw new FieldValueException($"Error parsing date string: {Text(value)}"),
        "datetime" => Text(value) is { } moment && DateTimeOffset.TryParse(moment, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            ? JsonValue.Create(instant.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture))
            : throw new FieldValueException($"Error parsing date string: {Text(value)}"),
        "option" => new JsonObject { ["id"] = Option(field.Options, value, field).Id },
        "option-with-child" => Cascading(field, value),
        "user" => JsonValue.Create(User(value)),
        "version" => JsonValue.Create(Version(value)),
        "any" when field == CustomFieldCatalog.EpicLink => JsonValue.Create(Epic(value)),
        _ => throw new FieldValueException($"Field type {type} is not supported."),
    };

    private static JsonObject Cascading(CustomField field, JsonNode value)
    {
        var parent = Option(field.Options, value, field);
        var result = new JsonObject { ["id"] = parent.Id };
        if (value["child"] is { } childValue) result["child"] = Option(parent.Children, childValue, field, parent).Id;
        return result;
    }

    private static CustomFieldOption Option(IReadOnlyList<CustomFieldOption> options, JsonNode value, CustomField field, CustomFieldOption? parent = null)
    {
        if (Property(value, "id") is { } id)
            return options.FirstOrDefault(o => o.Id == id) ?? throw new FieldValueException(parent is null
                ? $"Option id '{id}' is not valid"
                : $"Option id '{id}' is not a valid child of '{parent.Value}' for field '{field.Name}'");
        var name = Property(value, "value") ?? (value is JsonValue ? Text(value) : null) ?? throw new FieldValueException("Option value or id is required");
        return options.FirstOrDefault(o => string.Equals(o.Value, name, StringComparison.Ordinal)) ?? throw new FieldValueException(parent is null
            ? $"Option value '{name}' is not valid"
            : $"Option value '{name}' is not a valid child of '{parent.Value}' for field '{field.Name}'");
    }

    private string User(JsonNode value)
    {
        var wanted = context.IsCloud ? Property(value, "accountId") ?? Property(value, "id") : Property(value, "name") ?? Property(value, "key");
        var user = wanted is null ? null : data.Users.FirstOrDefault(u => context.IsCloud ? u.AccountId == wanted : u.Name == wanted || u.Key == wanted);
        return user is { Active: true } ? user.Key : throw new FieldValueException(context.IsCloud ? $"Specified user does not exist or you do not have required permissions" : $"User '{wanted}' does not exist.");
    }

    /// <summary>The id of the epic an Epic Link names by key (Data Center takes the key as a plain string).</summary>
    private string Epic(JsonNode value)
    {
        var key = Text(value) ?? Property(value, "key") ?? throw new FieldValueException("Epic Link must be an issue key");
        var epic = SandboxState.TryFindIssue(data, key) ?? throw new FieldValueException($"Issue '{key}' does not exist.");
        return SandboxProject.IssueTypes.Single(t => t.Id == epic.IssueTypeId).HierarchyLevel == 1
            ? epic.Id
            : throw new FieldValueException($"Issue '{key}' is not an Epic.");
    }

    private string Version(JsonNode value)
    {
        if (Property(value, "id") is { } id)
            return project.Versions.FirstOrDefault(v => v.Id == id)?.Id ?? throw new FieldValueException($"Version id '{id}' is not valid");
        var name = Property(value, "name");
        return project.Versions.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase))?.Id
            ?? throw new FieldValueException($"Version name '{name}' is not valid");
    }

    private JsonNode? RenderOne(CustomField field, string type, JsonNode? stored) => type switch
    {
        "string" when field.Kind == "textarea" => RichText.ToResponse(stored, context),
        "datetime" => JiraTime.Format(DateTimeOffset.Parse(stored!.ToString(), CultureInfo.InvariantCulture), context.State.TimeZone),
        "option" => OptionJson(field.Options.FirstOrDefault(o => o.Id == Property(stored, "id"))),
        "option-with-child" => field.Options.FirstOrDefault(o => o.Id == Property(stored, "id")) is { } parent
            ? WithChild(OptionJson(parent)!, parent.Children.FirstOrDefault(c => c.Id == Property(stored, "child")))
            : null,
        "user" => JiraJson.UserByKey(data, stored?.ToString(), context),
        "version" => project.Versions.FirstOrDefault(v => v.Id == stored?.ToString()) is { } version ? VersionEndpoints.Render(version, project, context) : null,
        "any" when field == CustomFieldCatalog.EpicLink => SandboxState.TryFindIssue(data, stored?.ToString() ?? "") is { } epic ? JsonValue.Create(epic.Key) : null,
        "json" when field == CustomFieldCatalog.Sprint => SprintMembership.Find(data, stored!.GetValue<long>()) is { } sprint ? SprintMembership.Render(sprint, context) : null,
        _ => stored?.DeepClone(),
    };

    private static IEnumerable<string> ItemTexts(CustomField field, string type, JsonNode? stored, SandboxData data, SandboxProject project, bool isCloud) => type switch
    {
        "option" => field.Options.Where(o => o.Id == Property(stored, "id")).SelectMany(o => new[] { o.Value, o.Id }),
        "option-with-child" => field.Options.Where(o => o.Id == Property(stored, "id"))
            .SelectMany(o => new[] { o.Value, o.Id }.Concat(o.Children.Where(c => c.Id == Property(stored, "child")).SelectMany(c => new[] { c.Value, c.Id }))),
        "user" => data.Users.Where(u => u.Key == stored?.ToString()).SelectMany(u => new[] { u.AccountId, u.Name, u.Key }),
        "version" => project.Versions.Where(v => v.Id == stored?.ToString()).SelectMany(v => new[] { v.Name, v.Id }),
        "any" when field == CustomFieldCatalog.EpicLink => SandboxState.TryFindIssue(data, stored?.ToString() ?? "") is { } epic ? [epic.Key, epic.Id] : [],
        "json" when field == CustomFieldCatalog.Sprint => SprintMembership.Find(data, stored!.GetValue<long>()) is { } sprint ? [sprint.Id.ToString(CultureInfo.InvariantCulture), sprint.Name] : [],
        "string" when field.Kind == "textarea" => [RichText.PlainText(stored, isCloud)],
        "number" => [stored!.GetValue<double>().ToString(CultureInfo.InvariantCulture)],
        _ => stored is null ? [] : [stored.ToString()],
    };

    private JsonObject? OptionJson(CustomFieldOption? option) => option is null ? null : new JsonObject
    {
        ["self"] = $"{context.ApiBase}/customFieldOption/{option.Id}",
        ["value"] = option.Value,
        ["id"] = option.Id,
    };

    private JsonObject WithChild(JsonObject parent, CustomFieldOption? child)
    {
        if (child is not null) parent["child"] = OptionJson(child);
        return parent;
    }

    private static string? Property(JsonNode? value, string name) => value is JsonObject o && o[name] is JsonValue v ? v.ToString() : null;

    private static string? Text(JsonNode value) => value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private sealed class FieldValueException(string message) : Exception(message);
}
