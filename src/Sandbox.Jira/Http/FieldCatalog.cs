using System.Text.Json.Nodes;

namespace Sandbox.Jira.Http;

/// <summary>The fields the sandbox knows, as <c>GET /field</c> describes them.</summary>
internal static class FieldCatalog
{

    private static readonly (string Id, string Name, string Type, string? Items)[] Fields =
    [
        ("summary", "Summary", "string", null),
        ("description", "Description", "string", null),
        ("status", "Status", "status", null),
        ("assignee", "Assignee", "user", null),
        ("reporter", "Reporter", "user", null),
        ("priority", "Priority", "priority", null),
        ("labels", "Labels", "array", "string"),
        ("issuetype", "Issue Type", "issuetype", null),
        ("project", "Project", "project", null),
        ("created", "Created", "datetime", null),
        ("updated", "Updated", "datetime", null),
        ("resolution", "Resolution", "resolution", null),
        ("resolutiondate", "Resolved", "datetime", null),
        ("statuscategorychangedate", "Status Category Changed", "datetime", null),
        ("duedate", "Due date", "date", null),
        ("fixVersions", "Fix versions", "array", "version"),
        ("components", "Components", "array", "component"),
        ("parent", "Parent", "issuelink", null),
        ("comment", "Comment", "comments-page", null),
    ];

    public static IEnumerable<string> CustomFieldIds => State.CustomFieldCatalog.All.Select(f => f.Id);

    public static string NameOf(string id) => Fields.FirstOrDefault(f => f.Id == id).Name ?? State.CustomFieldCatalog.Find(id)?.Name ?? id;

    public static bool IsKnown(string id) => Fields.Any(f => f.Id == id) || State.CustomFieldCatalog.Find(id) is not null;

    public static JsonArray All() => new([.. Fields.Select(f => (JsonNode)Describe(f)), .. State.CustomFieldCatalog.All.Select(f => (JsonNode)Describe(f))]);

    /// <summary>A custom field: its schema names the plugin (the kind of field) and its id, and JQL knows it by
    /// <c>cf[id]</c> and by name.</summary>
    public static JsonObject Schema(Model.CustomField field)
    {
        var schema = new JsonObject { ["type"] = field.Type };
        if (field.Items is not null) schema["items"] = field.Items;
        schema["custom"] = field.Plugin;
        schema["customId"] = field.CustomId;
        return schema;
    }

    private static JsonObject Describe(Model.CustomField field) => new()
    {
        ["id"] = field.Id,
        ["key"] = field.Id,
        ["name"] = field.Name,
        ["custom"] = true,
        ["orderable"] = true,
        ["navigable"] = true,
        ["searchable"] = true,
        ["clauseNames"] = new JsonArray($"cf[{field.CustomId}]", field.Name),
        ["schema"] = Schema(field),
    };

    private static JsonObject Describe((string Id, string Name, string Type, string? Items) field)
    {
        var schema = new JsonObject { ["type"] = field.Type };
        if (field.Items is not null) schema["items"] = field.Items;
        schema["system"] = field.Id;
        var clauseNames = new JsonArray(field.Id);
        return new JsonObject
        {
            ["id"] = field.Id,
            ["key"] = field.Id,
            ["name"] = field.Name,
            ["custom"] = false,
            ["orderable"] = field.Type is not ("datetime" or "status" or "resolution" or "comments-page"),
            ["navigable"] = field.Id != "comment",
            ["searchable"] = true,
            ["clauseNames"] = clauseNames,
            ["schema"] = schema,
        };
    }
}
