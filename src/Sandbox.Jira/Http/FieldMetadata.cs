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
        ("parent", "Parent", "issuelink", false, ["set"]),
        (FieldCatalog.StoryPoints, "Story Points", "number", false, ["set"]),
    ];

    public static JsonNode ForScreen(SandboxProject project, ApiContext context, bool keyed)
    {
        var visible = Screen.Where(f => !project.HiddenFields.Contains(f.Id)).ToList();
        if (keyed)
        {
            var byId = new JsonObject();
            foreach (var field in visible) byId[field.Id] = Describe(field, context, includeId: false);
            return byId;
        }
        return new JsonArray([.. visible.Select(f => (JsonNode)Describe(f, context, includeId: true))]);
    }

    private static JsonObject Describe((string Id, string Name, string Type, bool Required, string[] Operations) field, ApiContext context, bool includeId)
    {
        var json = new JsonObject
        {
            ["required"] = field.Required,
            ["schema"] = new JsonObject { ["type"] = field.Type, ["system"] = field.Id },
            ["name"] = field.Name,
            ["key"] = field.Id,
            ["hasDefaultValue"] = false,
            ["operations"] = new JsonArray([.. field.Operations.Select(o => (JsonNode)o)]),
        };
        if (includeId) json["fieldId"] = field.Id;
        if (field.Id == "priority")
            json["allowedValues"] = new JsonArray([.. SandboxProject.Priorities.Select(p => (JsonNode)JiraJson.PriorityJson(p, context))]);
        return json;
    }
}
