using System.Globalization;
using System.Text.Json.Nodes;
using Sandbox.Jira.Model;
using Sandbox.Jira.State;

namespace Sandbox.Jira.Http;

/// <summary>Issue create, read, edit, delete, assign, and the create/edit metadata (docs/reference/jira.md §2.2, §2.8).</summary>
internal static class IssueEndpoints
{
    public static void Map(ApiRoutes routes, SandboxState state)
    {
        routes.Map("POST", "/issue", (http, api, body, me) => state.Write(data => Create(data, api, body as JsonObject, me)));

        routes.Map("GET", "/issue/{issueIdOrKey}", (http, api, _, _) => state.Read(data =>
        {
            var issue = SandboxState.FindIssue(data, ApiRoutes.Route(http, "issueIdOrKey"));
            var fields = IssueJson.SelectFields(http.Request.Query["fields"].Select(f => f ?? ""), defaultAll: true, FieldCatalog.CustomFieldIds);
            return Reply.Ok(IssueJson.Render(issue, data, api, fields, Expand(ApiRoutes.Query(http, "expand")), Expand(ApiRoutes.Query(http, "properties"))));
        }));

        routes.Map("PUT", "/issue/{issueIdOrKey}", (http, api, body, me) => state.Write(data =>
        {
            var stored = SandboxState.FindIssue(data, ApiRoutes.Route(http, "issueIdOrKey"));
            var project = Writable(data, stored);
            var request = body as JsonObject ?? [];
            // Jira applies an edit entirely or not at all: the fields are set on a copy that replaces the issue only
            // when every field was accepted.
            var issue = SandboxState.Copy(stored);
            var changes = new IssueFieldWriter(issue, project, data, api).Apply(request["fields"] as JsonObject, request["update"] as JsonObject, creating: false);
            data.Issues[data.Issues.IndexOf(stored)] = issue;
            Record(data, issue, me, changes, state.Now());
            if (ApiRoutes.Query(http, "returnIssue") == "true")
                return Reply.Ok(IssueJson.Render(issue, data, api, IssueJson.SelectFields(null, true, FieldCatalog.CustomFieldIds), []));
            return Reply.NoContent();
        }));

        routes.Map("DELETE", "/issue/{issueIdOrKey}", (http, _, _, _) => state.Write(data =>
        {
            var issue = SandboxState.FindIssue(data, ApiRoutes.Route(http, "issueIdOrKey"));
            Writable(data, issue);
            var subtasks = data.Issues.Where(i => i.ParentKey == issue.Key).ToList();
            if (subtasks.Count > 0 && ApiRoutes.Query(http, "deleteSubtasks") != "true")
                throw JiraApiException.BadRequest($"The issue '{issue.Key}' has subtasks. To delete it, you must delete its subtasks.");
            data.Issues.Remove(issue);
            foreach (var subtask in subtasks) data.Issues.Remove(subtask);
            return Reply.NoContent();
        }));

        routes.Map("PUT", "/issue/{issueIdOrKey}/assignee", (http, api, body, me) => state.Write(data =>
        {
            var stored = SandboxState.FindIssue(data, ApiRoutes.Route(http, "issueIdOrKey"));
            var project = Writable(data, stored);
            var fields = new JsonObject { ["assignee"] = body?.DeepClone() };
            if (body is JsonObject o && o.All(p => p.Value is null)) fields["assignee"] = null;
            var issue = SandboxState.Copy(stored);
            var changes = new IssueFieldWriter(issue, project, data, api).Apply(fields, null, creating: false);
            data.Issues[data.Issues.IndexOf(stored)] = issue;
            Record(data, issue, me, changes, state.Now());
            return Reply.NoContent();
        }));

        routes.Map("GET", "/issue/{issueIdOrKey}/editmeta", (http, api, _, _) => state.Read(data =>
        {
            var issue = SandboxState.FindIssue(data, ApiRoutes.Route(http, "issueIdOrKey"));
            var project = SandboxState.FindProject(data, issue.ProjectKey)!;
            return Reply.Ok(new JsonObject { ["fields"] = FieldMetadata.ForScreen(project, api, keyed: true) });
        }));

        routes.Map("GET", "/issue/createmeta/{projectIdOrKey}/issuetypes", (http, api, _, _) => state.Read(data =>
        {
            _ = SandboxState.FindProject(data, ApiRoutes.Route(http, "projectIdOrKey"))
                ?? throw new JiraApiException(404, ["No project could be found with key '" + ApiRoutes.Route(http, "projectIdOrKey") + "'."]);
            var types = SandboxProject.IssueTypes.Select(t => (JsonNode)JiraJson.IssueTypeJson(t, api)).ToList();
            return Reply.Ok(new JsonObject
            {
                ["startAt"] = 0,
                ["maxResults"] = 50,
                ["total"] = types.Count,
                ["issueTypes"] = new JsonArray([.. types]),
            });
        }));

        routes.Map("GET", "/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}", (http, api, _, _) => state.Read(data =>
        {
            var project = SandboxState.FindProject(data, ApiRoutes.Route(http, "projectIdOrKey"))
                ?? throw new JiraApiException(404, ["No project could be found with key '" + ApiRoutes.Route(http, "projectIdOrKey") + "'."]);
            var fields = FieldMetadata.ForScreen(project, api, keyed: false);
            return Reply.Ok(new JsonObject
            {
                ["startAt"] = 0,
                ["maxResults"] = 50,
                ["total"] = ((JsonArray)fields).Count,
                ["fields"] = fields,
            });
        }));
    }

    public static IReadOnlyCollection<string> Expand(string? expand) =>
        (expand ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static SandboxProject Writable(SandboxData data, SandboxIssue issue)
    {
        var project = SandboxState.FindProject(data, issue.ProjectKey)!;
        if (!project.Writable) throw new JiraApiException(403, ["You do not have permission to edit issues in this project."]);
        return project;
    }

    /// <summary>One changelog history per request with a change, and the <c>updated</c> bump Jira makes.</summary>
    public static void Record(SandboxData data, SandboxIssue issue, SandboxUser me, IReadOnlyList<ChangeItem> changes, DateTimeOffset now)
    {
        if (changes.Count == 0) return;
        issue.Histories.Add(new ChangeHistory((data.NextHistoryId++).ToString(CultureInfo.InvariantCulture), me.Key, now, changes));
        issue.Updated = now;
    }

    private static Reply Create(SandboxData data, ApiContext api, JsonObject? body, SandboxUser me)
    {
        var fields = body?["fields"] as JsonObject ?? [];
        var projectRef = fields["project"] is JsonObject p ? p["key"]?.ToString() ?? p["id"]?.ToString() : null;
        var project = projectRef is null ? null : SandboxState.FindProject(data, projectRef);
        if (project is null) throw JiraApiException.Field("project", "Specify a valid project ID or key");
        if (!project.Writable) throw new JiraApiException(403, ["You do not have permission to create issues in this project."]);
        if (fields["issuetype"] is null) throw JiraApiException.Field("issuetype", "Specify an issue type");
        var now = api.State.Now();
        var issue = new SandboxIssue
        {
            Id = data.NextIssueId.ToString(CultureInfo.InvariantCulture),
            Key = $"{project.Key}-{project.NextIssueNumber}",
            ProjectKey = project.Key,
            Summary = "",
            StatusId = project.Workflow.InitialStatusId,
            ReporterId = me.Key,
            Created = now,
            Updated = now,
            StatusCategoryChanged = now,
        };
        new IssueFieldWriter(issue, project, data, api).Apply(fields, body?["update"] as JsonObject, creating: true);
        issue.StatusId = project.WorkflowFor(issue.IssueTypeId).InitialStatusId;
        if (SandboxProject.IssueTypes.Single(t => t.Id == issue.IssueTypeId).Subtask && issue.ParentKey is null)
            throw JiraApiException.Field("parent", "Issue type is a sub-task but parent issue key or id not specified.");
        foreach (var property in (body?["properties"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (property["key"]?.ToString() is { Length: > 0 } key) issue.Properties[key] = property["value"]?.DeepClone();
        }
        data.NextIssueId++;
        project.NextIssueNumber++;
        data.Issues.Add(issue);
        return Reply.Created(new JsonObject { ["id"] = issue.Id, ["key"] = issue.Key, ["self"] = $"{api.ApiBase}/issue/{issue.Id}" });
    }
}
