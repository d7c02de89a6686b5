using System.Text.Json.Nodes;
using Sandbox.Jira.Model;
using Sandbox.Jira.State;

namespace Sandbox.Jira.Http;

/// <summary>An <c>IssueBean</c> with Jira's field selection rules: requested fields without a value are present as
/// <c>null</c> or <c>[]</c>, fields not requested are absent (docs/reference/jira.md §2.2).</summary>
internal static class IssueJson
{
    public static readonly string[] SystemFields =
    [
        "summary", "description", "status", "assignee", "reporter", "priority", "labels", "issuetype", "project",
        "created", "updated", "resolution", "resolutiondate", "statuscategorychangedate", "duedate", "fixVersions", "components", "parent", "comment",
        "issuelinks",
    ];

    public static IReadOnlySet<string> SelectFields(IEnumerable<string>? requested, bool defaultAll, IEnumerable<string> customFieldIds)
    {
        var all = SystemFields.Concat(customFieldIds).ToList();
        var names = requested?.SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList() ?? [];
        if (names.Count == 0) return defaultAll ? all.ToHashSet() : new HashSet<string>();
        var selected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (name is "*all") selected.UnionWith(all);
            else if (name is "*navigable") selected.UnionWith(all.Where(f => f != "comment"));
            else if (!name.StartsWith('-') && all.Contains(name)) selected.Add(name);
        }
        foreach (var name in names.Where(n => n.StartsWith('-'))) selected.Remove(name[1..]);
        return selected;
    }

    /// <summary>The issue as GET and search answer it: the selected <paramref name="fields"/>, what <paramref name="expand"/> asks for (<c>names</c>, <c>changelog</c>, <c>transitions</c>), and the issue properties <paramref name="properties"/> names (<c>*all</c> for every one).</summary>
    public static JsonObject Render(SandboxIssue issue, SandboxData data, ApiContext context, IReadOnlySet<string> fields, IReadOnlyCollection<string> expand,
        IReadOnlyCollection<string>? properties = null)
    {
        var project = SandboxState.FindProject(data, issue.ProjectKey)!;
        var zone = context.State.TimeZone;
        var json = new JsonObject
        {
            ["expand"] = "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations",
            ["id"] = issue.Id,
            ["self"] = $"{context.ApiBase}/issue/{issue.Id}",
            ["key"] = issue.Key,
        };
        var values = new JsonObject();
        foreach (var field in fields)
        {
            values[field] = field switch
            {
                "summary" => issue.Summary,
                "description" => RichText.ToResponse(issue.Description, context),
                "status" => JiraJson.Status(project.WorkflowFor(issue.IssueTypeId).Status(issue.StatusId), context),
                "assignee" => JiraJson.UserByKey(data, issue.AssigneeId, context),
                "reporter" => JiraJson.UserByKey(data, issue.ReporterId, context),
                "priority" => issue.PriorityId is null ? null : JiraJson.PriorityJson(SandboxProject.Priorities.Single(p => p.Id == issue.PriorityId), context),
                "labels" => new JsonArray([.. issue.Labels.Select(l => (JsonNode)l)]),
                "issuetype" => JiraJson.IssueTypeJson(SandboxProject.IssueTypes.Single(t => t.Id == issue.IssueTypeId), context),
                "project" => JiraJson.ProjectRef(project, context),
                "created" => JiraTime.Format(issue.Created, zone),
                "updated" => JiraTime.Format(issue.Updated, zone),
                "resolution" => issue.ResolutionId is null || Model.Resolution.Find(issue.ResolutionId) is not { } resolution ? null : ResolutionJson(resolution, context),
                "resolutiondate" => issue.ResolutionDate is { } resolved ? JiraTime.Format(resolved, zone) : null,
                "statuscategorychangedate" => JiraTime.Format(issue.StatusCategoryChanged, zone),
                "duedate" => issue.DueDate,
                "fixVersions" => new JsonArray([.. issue.FixVersionIds.Select(id => project.Versions.FirstOrDefault(v => v.Id == id)).OfType<ProjectVersion>()
                    .Select(v => (JsonNode)VersionEndpoints.Render(v, project, context))]),
                "components" => new JsonArray([.. issue.ComponentIds.Select(id => project.Components.FirstOrDefault(c => c.Id == id)).OfType<ProjectComponent>()
                    .Select(c => (JsonNode)ComponentEndpoints.Render(c, project, context))]),
                "parent" => issue.ParentKey is null ? null : Parent(issue.ParentKey, data, context),
                "comment" => Comments(issue, data, context),
                "issuelinks" => IssueLinkEndpoints.OnIssue(issue, data, context),
                _ => CustomFieldCatalog.Find(field) is { } custom
                    ? new CustomFieldValues(data, project, context).Render(custom, issue.CustomFields.GetValueOrDefault(field))
                    : issue.CustomFields.TryGetValue(field, out var raw) ? raw?.DeepClone() : null,
            };
        }
        json["fields"] = values;
        if (properties is { Count: > 0 })
        {
            var all = properties.Contains("*all");
            json["properties"] = new JsonObject([.. issue.Properties.Where(p => all || properties.Contains(p.Key))
                .OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))]);
        }
        if (expand.Contains("transitions"))
            json["transitions"] = TransitionEndpoints.Available(issue, project.WorkflowFor(issue.IssueTypeId), context, expand.Contains("transitions.fields"));
        if (expand.Contains("changelog"))
        {
            var histories = issue.Histories.TakeLast(100).ToList();
            json["changelog"] = new JsonObject
            {
                ["startAt"] = 0,
                ["maxResults"] = histories.Count,
                ["total"] = issue.Histories.Count,
                ["histories"] = new JsonArray([.. histories.Select(h => (JsonNode)JiraJson.History(h, data, context))]),
            };
        }
        if (expand.Contains("names"))
            json["names"] = new JsonObject([.. fields.Select(f => KeyValuePair.Create(f, (JsonNode?)FieldCatalog.NameOf(f)))]);
        return json;
    }

    public static JsonObject ResolutionJson(Resolution resolution, ApiContext context) => new()
    {
        ["self"] = $"{context.ApiBase}/resolution/{resolution.Id}",
        ["id"] = resolution.Id,
        ["description"] = resolution.Description,
        ["name"] = resolution.Name,
    };

    /// <summary>An issue as another one refers to it (parent, linked issue): id, key, self, summary, status, type.</summary>
    internal static JsonObject? Parent(string key, SandboxData data, ApiContext context)
    {
        var parent = SandboxState.TryFindIssue(data, key);
        if (parent is null) return null;
        var project = SandboxState.FindProject(data, parent.ProjectKey)!;
        return new JsonObject
        {
            ["id"] = parent.Id,
            ["key"] = parent.Key,
            ["self"] = $"{context.ApiBase}/issue/{parent.Id}",
            ["fields"] = new JsonObject
            {
                ["summary"] = parent.Summary,
                ["status"] = JiraJson.Status(project.WorkflowFor(parent.IssueTypeId).Status(parent.StatusId), context),
                ["issuetype"] = JiraJson.IssueTypeJson(SandboxProject.IssueTypes.Single(t => t.Id == parent.IssueTypeId), context),
            },
        };
    }

    private static JsonObject Comments(SandboxIssue issue, SandboxData data, ApiContext context) => new()
    {
        ["comments"] = new JsonArray([.. issue.Comments.Select(c => (JsonNode)JiraJson.Comment(c, data, context, issue.Id))]),
        ["self"] = $"{context.ApiBase}/issue/{issue.Id}/comment",
        ["maxResults"] = issue.Comments.Count,
        ["total"] = issue.Comments.Count,
        ["startAt"] = 0,
    };
}
