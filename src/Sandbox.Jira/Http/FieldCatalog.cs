using System.Text.Json.Nodes;

namespace Sandbox.Jira.Http;

/// <summary>The fields the sandbox knows, as <c>GET /field</c> describes them.</summary>
internal static class FieldCatalog
{
    public const string StoryPoints = "customfield_10016";

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
        ("parent", "Parent", "issuelink", null),
        ("comment", "Comment", "comments-page", null),
        (StoryPoints, "Story Points", "number", null),
    ];

    public static IEnumerable<string> CustomFieldIds => Fields.Where(f => f.Id.StartsWith("customfield_", StringComparison.Ordinal)).Select(f => f.Id);

    public static string NameOf(string id) => Fields.FirstOrDefault(f => f.Id == id).Name ?? id;

    public static bool IsKnown(string id) => Fields.Any(f => f.Id == id);

    public static JsonArray All() => new([.. Fields.Select(f => (JsonNode)Describe(f))]);

    private static JsonObject Describe((string Id, string Name, string Type, string? Items) field)
    {
        var custom = field.Id.StartsWith("customfield_", StringComparison.Ordinal);
        var schema = new JsonObject { ["type"] = field.Type };
        if (field.Items is not null) schema["items"] = field.Items;
        if (custom)
        {
            schema["custom"] = "com.atlassian.jira.plugin.system.customfieldtypes:float";
            schema["customId"] = int.Parse(field.Id["customfield_".Length..], System.Globalization.CultureInfo.InvariantCulture);
        }
        else schema["system"] = field.Id;
        var clauseNames = custom ? new JsonArray($"cf[{field.Id["customfield_".Length..]}]", field.Name) : new JsonArray(field.Id);
        return new JsonObject
        {
            ["id"] = field.Id,
            ["key"] = field.Id,
            ["name"] = field.Name,
            ["custom"] = custom,
            ["orderable"] = field.Type is not ("datetime" or "status" or "resolution" or "comments-page"),
            ["navigable"] = field.Id != "comment",
            ["searchable"] = true,
            ["clauseNames"] = clauseNames,
            ["schema"] = schema,
        };
    }
}
