using System.Globalization;
using System.Text.Json.Nodes;
using Sandbox.Jira.Model;
using Sandbox.Jira.State;

namespace Sandbox.Jira.Http;

/// <summary>Server, user and project metadata (docs/reference/jira.md §2.7–2.8).</summary>
internal static class MetadataEndpoints
{
    public static void Map(ApiRoutes routes, SandboxState state)
    {
        routes.Map("GET", "/serverInfo", (_, api, _, _) => Reply.Ok(ServerInfo(api)));

        routes.Map("GET", "/myself", (_, api, _, me) => Reply.Ok(JiraJson.User(me, api, full: true)));

        routes.Map("GET", "/user", (http, api, _, _) => state.Read(data =>
        {
            var wanted = api.IsCloud ? ApiRoutes.Query(http, "accountId") : ApiRoutes.Query(http, "username") ?? ApiRoutes.Query(http, "key");
            var user = data.Users.FirstOrDefault(u => api.IsCloud ? u.AccountId == wanted : u.Name == wanted || u.Key == wanted)
                ?? throw new JiraApiException(404, ["Specified user does not exist or you do not have required permissions"]);
            return Reply.Ok(JiraJson.User(user, api, full: true));
        }));

        routes.Map("GET", "/user/search", (http, api, _, _) => state.Read(data =>
        {
            var query = api.IsCloud ? ApiRoutes.Query(http, "query") : ApiRoutes.Query(http, "username");
            if (string.IsNullOrEmpty(query) && ApiRoutes.Query(http, "accountId") is null)
                throw JiraApiException.BadRequest("The query parameter 'query' is required.");
            var users = data.Users.Where(u => u.Active && Matches(u, query, ApiRoutes.Query(http, "accountId")));
            return Reply.Ok(Page(users, http, api));
        }));

        routes.Map("GET", "/user/assignable/search", (http, api, _, _) => state.Read(data =>
        {
            var projectRef = ApiRoutes.Query(http, "project");
            var issueRef = ApiRoutes.Query(http, "issueKey") ?? ApiRoutes.Query(http, "issueId");
            if (projectRef is null && issueRef is null)
                throw JiraApiException.BadRequest("At least one of the parameters 'project', 'issueKey' or 'issueId' is required.");
            if (projectRef is not null && SandboxState.FindProject(data, projectRef) is null)
                throw new JiraApiException(404, [$"No project could be found with key '{projectRef}'."]);
            if (issueRef is not null) SandboxState.FindIssue(data, issueRef);
            var query = api.IsCloud ? ApiRoutes.Query(http, "query") : ApiRoutes.Query(http, "username");
            var users = data.Users.Where(u => u.Active && Matches(u, query, ApiRoutes.Query(http, "accountId")));
            return Reply.Ok(Page(users, http, api));
        }));

        routes.Map("GET", "/project", (_, api, _, _) => state.Read(data =>
            Reply.Ok(new JsonArray([.. data.Projects.Select(p => (JsonNode)JiraJson.Project(p, data, api))]))));

        routes.Map("GET", "/project/search", (http, api, _, _) => state.Read(data =>
        {
            var page = Page(http, [.. data.Projects.Select(p => (JsonNode)JiraJson.Project(p, data, api))]);
            page["self"] = $"{api.ApiBase}/project/search?startAt={page["startAt"]}&maxResults={page["maxResults"]}";
            return Reply.Ok(page);
        }));

        routes.Map("GET", "/project/{projectIdOrKey}", (http, api, _, _) => state.Read(data =>
        {
            var key = ApiRoutes.Route(http, "projectIdOrKey");
            var project = SandboxState.FindProject(data, key) ?? throw new JiraApiException(404, [$"No project could be found with key '{key}'."]);
            return Reply.Ok(JiraJson.Project(project, data, api));
        }));

        routes.Map("GET", "/priority", (_, api, _, _) =>
            Reply.Ok(new JsonArray([.. SandboxProject.Priorities.Select(p => (JsonNode)JiraJson.PriorityJson(p, api))])));

        // Cloud's paged lists (PageBeanPriority, PageBeanResolutionJsonBean in the OpenAPI description).
        routes.Map("GET", "/priority/search", (http, api, _, _) =>
            Reply.Ok(Page(http, [.. SandboxProject.Priorities.Select(p => (JsonNode)JiraJson.PriorityJson(p, api))])));

        routes.Map("GET", "/resolution", (_, api, _, _) =>
            Reply.Ok(new JsonArray([.. Resolution.All.Select(r => (JsonNode)IssueJson.ResolutionJson(r, api))])));

        routes.Map("GET", "/resolution/search", (http, api, _, _) =>
            Reply.Ok(Page(http, [.. Resolution.All.Select(r => (JsonNode)IssueJson.ResolutionJson(r, api))])));

        routes.Map("GET", "/resolution/{id}", (http, api, _, _) =>
            Resolution.All.FirstOrDefault(r => r.Id == ApiRoutes.Route(http, "id")) is { } resolution
                ? Reply.Ok(IssueJson.ResolutionJson(resolution, api))
                : throw new JiraApiException(404, [$"The resolution with ID {ApiRoutes.Route(http, "id")} does not exist."]));

        routes.Map("GET", "/issuetype", (_, api, _, _) =>
            Reply.Ok(new JsonArray([.. SandboxProject.IssueTypes.Select(t => (JsonNode)JiraJson.IssueTypeJson(t, api))])));

        routes.Map("GET", "/issuetype/{id}", (http, api, _, _) =>
            SandboxProject.IssueTypes.FirstOrDefault(t => t.Id == ApiRoutes.Route(http, "id")) is { } type
                ? Reply.Ok(JiraJson.IssueTypeJson(type, api))
                : throw new JiraApiException(404, ["Issue type with id '" + ApiRoutes.Route(http, "id") + "' does not exist."]));

        routes.Map("GET", "/status", (_, api, _, _) => state.Read(data =>
            Reply.Ok(new JsonArray([.. data.Projects.SelectMany(p => p.AllStatuses).DistinctBy(s => s.Id)
                .Select(s => (JsonNode)JiraJson.Status(s, api))]))));

        // The statuses each issue type's workflow uses in a project (Jira's "get all statuses for project").
        routes.Map("GET", "/project/{projectIdOrKey}/statuses", (http, api, _, _) => state.Read(data =>
        {
            var key = ApiRoutes.Route(http, "projectIdOrKey");
            var project = SandboxState.FindProject(data, key) ?? throw new JiraApiException(404, [$"No project could be found with key '{key}'."]);
            return Reply.Ok(new JsonArray([.. SandboxProject.IssueTypes.Select(type =>
            {
                var workflow = project.IssueTypeWorkflows.GetValueOrDefault(type.Id) ?? project.Workflow;
                return (JsonNode)new JsonObject
                {
                    ["self"] = $"{api.ApiBase}/issuetype/{type.Id}",
                    ["id"] = type.Id,
                    ["name"] = type.Name,
                    ["subtask"] = type.Subtask,
                    ["statuses"] = new JsonArray([.. workflow.Statuses.Select(s => (JsonNode)JiraJson.Status(s, api))]),
                };
            })]));
        }));

        // The sandbox user may browse everything, and change what is in a writable project; the answer has Jira's shape
        // for the keys asked.
        routes.Map("GET", "/mypermissions", (http, _, _, _) => state.Read(data =>
        {
            var projectKey = http.Request.Query["projectKey"].ToString();
            var project = projectKey.Length > 0 ? SandboxState.FindProject(data, projectKey) ?? throw new JiraApiException(404, [$"No project could be found with key '{projectKey}'."]) : null;
            var keys = http.Request.Query["permissions"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (keys.Length == 0) throw new JiraApiException(400, ["The 'permissions' query parameter is required."]);
            return Reply.Ok(new JsonObject
            {
                ["permissions"] = new JsonObject(keys.Select((k, i) => KeyValuePair.Create(k, (JsonNode?)new JsonObject
                {
                    ["id"] = (10 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["key"] = k,
                    ["name"] = k.Replace('_', ' ').ToLowerInvariant(),
                    ["type"] = "PROJECT",
                    ["description"] = "",
                    ["havePermission"] = project is null || project.Writable || k is "BROWSE_PROJECTS" or "BROWSE" or "VIEW_READONLY_WORKFLOW",
                }))),
            });
        }));

        routes.Map("GET", "/statuscategory", (_, api, _, _) =>
            Reply.Ok(new JsonArray([.. StatusCategory.All.Select(c => (JsonNode)JiraJson.StatusCategoryJson(c, api))])));

        routes.Map("GET", "/field", (_, _, _, _) => Reply.Ok(FieldCatalog.All()));
    }

    /// <summary>One page of <paramref name="all"/> in Jira's PageBean shape (<c>startAt</c>, <c>maxResults</c> up to 100,
    /// <c>total</c>, <c>isLast</c>, <c>values</c>).</summary>
    private static JsonObject Page(Microsoft.AspNetCore.Http.HttpContext http, IReadOnlyList<JsonNode> all)
    {
        var startAt = Math.Max(0, ApiRoutes.QueryInt(http, "startAt", 0));
        var maxResults = Math.Clamp(ApiRoutes.QueryInt(http, "maxResults", 50), 1, 100);
        var values = all.Skip(startAt).Take(maxResults).ToList();
        return new JsonObject
        {
            ["maxResults"] = maxResults,
            ["startAt"] = startAt,
            ["total"] = all.Count,
            ["isLast"] = startAt + values.Count >= all.Count,
            ["values"] = new JsonArray([.. values]),
        };
    }

    private static bool Matches(SandboxUser user, string? query, string? accountId)
    {
        if (accountId is not null) return user.AccountId == accountId;
        if (query is null or "." ) return true;
        return user.DisplayName.Contains(query, StringComparison.OrdinalIgnoreCase)
            || user.Email.StartsWith(query, StringComparison.OrdinalIgnoreCase)
            || user.Name.StartsWith(query, StringComparison.OrdinalIgnoreCase);
    }

    private static JsonArray Page(IEnumerable<SandboxUser> users, Microsoft.AspNetCore.Http.HttpContext http, ApiContext api)
    {
        var startAt = ApiRoutes.QueryInt(http, "startAt", 0);
        var maxResults = ApiRoutes.QueryInt(http, "maxResults", 50);
        return new JsonArray([.. users.Skip(startAt).Take(maxResults).Select(u => (JsonNode)JiraJson.User(u, api, full: true))]);
    }

    private static JsonObject ServerInfo(ApiContext api)
    {
        var now = api.State.Now();
        var cloud = api.IsCloud;
        var version = cloud ? "1001.0.0-SNAPSHOT" : "9.12.15";
        return new JsonObject
        {
            ["baseUrl"] = api.BaseUrl,
            ["version"] = version,
            ["versionNumbers"] = cloud ? new JsonArray(1001, 0, 0) : new JsonArray(9, 12, 15),
            ["deploymentType"] = cloud ? "Cloud" : "DataCenter",
            ["buildNumber"] = cloud ? 100280 : 9120015,
            ["buildDate"] = "2025-09-18T00:00:00.000+0000",
            ["serverTime"] = Http.JiraTime.Format(now, api.State.TimeZone),
            ["scmInfo"] = "5330f7d9",
            ["serverTitle"] = "Jira (backlog-jira sandbox)",
            ["serverTimeZone"] = api.State.TimeZone.Id,
        };
    }

    internal static string Id(long value) => value.ToString(CultureInfo.InvariantCulture);
}
