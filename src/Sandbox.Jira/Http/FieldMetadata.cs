using System.Text.Json.Nodes;
using Sandbox.Jira.Model;

namespace Sandbox.Jira.Http;

/// <summary>The fields on a project's create/edit screen, as createmeta and editmeta describe them.</summary>
internal static class FieldMetadata
{
    private static readonly (string Id, string Name, string Type, bool Required, string[] Operations)[] Screen =
    [
        ("summary", "Summary", "string", true, ["set"]),
        ("description", "Description", "string", false, ["set"]),
        ("issuetype", "Issue Type", "issuetype", true, []),
        ("labels", "Labels", "array", false, ["add", "set", "remove"]),
        ("assignee", "Assignee", "user", false, ["set"]),
        ("reporter", "Reporter", "user", false, ["set"]),
        ("priority", "Priority", "priority", false, ["set"]),
        ("duedate", "Due date", "date", false, ["set"]),
        ("fixVersions", "Fix versions", "array", false, ["set", "add", "remove"]),
        ("components", "Components", "array", false, ["set", "add", "remove"]),
        ("parent", "Parent", "issuelink", false, ["set"]),
    ];

    public static JsonNode ForScreen(SandboxProject project, ApiContext context, bool keyed)
    {
        var visible = Screen.Where(f => !project.HiddenFields.Contains(f.Id)).Select(f => (f.Id, Json: (Func<bool, JsonObject>)(id => Describe(f, project, context, id))))
            .Concat(State.CustomFieldCatalog.All.Where(f => !project.HiddenFields.Contains(f.Id)).Select(f => (f.Id, Json: (Func<bool, JsonObject>)(id => Describe(f, project, context, id)))))
            .ToList();
        if (keyed)
        {
            var byId = new JsonObject();
            foreach (var (id, json) in visible) byId[id] = json(false);
            return byId;
        }
        return new JsonArray([.. visible.Select(f => (JsonNode)f.Json(true))]);
    }

    private static readonly string[] ListOperations = ["add", "set", "remove"];
    private static readonly string[] SetOperation = ["set"];

    /// <summary>A custom field on the screen, with the values it allows (options with their children, the project's
    /// versions), as createmeta and editmeta list them.</summary>
    private static JsonObject Describe(CustomField field, SandboxProject project, ApiContext context, bool includeId)
    {
        var json = new JsonObject
        {
            ["required"] = false,
            ["schema"] = FieldCatalog.Schema(field),
            ["name"] = field.Name,
            ["key"] = field.Id,
            ["hasDefaultValue"] = false,
            ["operations"] = new JsonArray([.. (field.IsList ? ListOperations : SetOperation).Select(o => (JsonNode)o)]),
        };
        if (includeId) json["fieldId"] = field.Id;
        JsonObject Option(CustomFieldOption option)
        {
            var item = new JsonObject { ["self"] = $"{context.ApiBase}/customFieldOption/{option.Id}", ["value"] = option.Value, ["id"] = option.Id };
            if (option.Children.Count > 0) item["children"] = new JsonArray([.. option.Children.Select(c => (JsonNode)Option(c))]);
            return item;
        }
        if (field.Options.Count > 0) json["allowedValues"] = new JsonArray([.. field.Options.Select(o => (JsonNode)Option(o))]);
        if ((field.Items ?? field.Type) == "version")
            json["allowedValues"] = new JsonArray([.. project.Versions.Select(v => (JsonNode)VersionEndpoints.Render(v, project, context))]);
        return json;
    }

    private static JsonObject Describe((string Id, string Name, string Type, bool Required, string[] Operations) field, SandboxProject project, ApiContext context, bool includeId)
    {
        var json = new JsonObject
        {
            ["required"] = field.Required,
            ["schema"] = field.Type == "array"
                ? new JsonObject { ["type"] = "array", ["items"] = field.Id switch { "fixVersions" => "version", "components" => "component", _ => "string" }, ["system"] = field.Id }
                : new JsonObject { ["type"] = field.Type, ["system"] = field.Id },
            ["name"] = field.Name,
            ["key"] = field.Id,
            ["hasDefaultValue"] = false,
            ["operations"] = new JsonArray([.. field.Operations.Select(o => (JsonNode)o)]),
        };
        if (includeId) json["fieldId"] = field.Id;
        if (field.Id == "components")
            json["allowedValues"] = new JsonArray([.. project.Components.Select(c => (JsonNode)ComponentEndpoints.Render(c, project, context))]);
        if (field.Id == "priority")
            json["allowedValues"] = new JsonArray([.. SandboxProject.Priorities.Select(p => (JsonNode)JiraJson.PriorityJson(p, context))]);
        return json;
    }
}
