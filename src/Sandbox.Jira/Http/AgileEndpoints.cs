using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Sandbox.Jira.Model;
using Sandbox.Jira.State;

namespace Sandbox.Jira.Http;

/// <summary>
/// The part of Jira Software's Agile API (<c>/rest/agile/1.0</c>, docs/reference/jira.md §11) that sprint planning uses:
/// a project's boards, a board's sprints by state, creating, starting and closing a sprint, and moving issues into a
/// sprint or back to the backlog (at most 50 at once, only into a future or active sprint). A move records a Sprint
/// change on the issue and moves its <c>updated</c>, as Jira does, so a changed-since search and webhooks see it.
/// </summary>
internal static class AgileEndpoints
{
    private const string Base = "/rest/agile/1.0";

    public static void Map(ApiRoutes routes, SandboxState state)
    {
        routes.MapPath("GET", Base + "/board", (http, api, _, _) => state.Read(data =>
        {
            var project = ApiRoutes.Query(http, "projectKeyOrId");
            var type = ApiRoutes.Query(http, "type");
            var boards = data.Boards.Where(b => (project is null || BoardShows(data, b, project)) && (type is null || type.Split(',').Contains(b.Type))).ToList();
            return Page(http, boards, b => Board(b, data, api));
        }));

        routes.MapPath("GET", Base + "/board/{boardId}", (http, api, _, _) => state.Read(data => Reply.Ok(Board(FindBoard(data, http), data, api))));

        routes.MapPath("GET", Base + "/board/{boardId}/sprint", (http, api, _, _) => state.Read(data =>
        {
            var board = FindBoard(data, http);
            var states = ApiRoutes.Query(http, "state")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            return Page(http, [.. data.Sprints.Where(s => s.OriginBoardId == board.Id && (states is null || states.Contains(s.State)))], s => Sprint(s, api));
        }));

        routes.MapPath("POST", Base + "/sprint", (_, api, body, _) => state.Write(data =>
        {
            var name = body?["name"]?.ToString()?.Trim();
            if (string.IsNullOrEmpty(name)) throw JiraApiException.Field("name", "Sprint name is required.");
            if (name.Length > 30) throw JiraApiException.Field("name", "The sprint name is too long. Please enter a name that is 30 characters or less.");
            var boardId = body?["originBoardId"] is JsonValue id && id.TryGetValue<long>(out var parsed) ? parsed : 0;
            if (data.Boards.All(b => b.Id != boardId)) throw JiraApiException.Field("originBoardId", "Board does not exist or you do not have permission to see it.");
            var sprint = new SandboxSprint { Id = data.NextSprintId++, Name = name, OriginBoardId = boardId, Goal = body?["goal"]?.ToString() };
            sprint.StartDate = Date(body?["startDate"]);
            sprint.EndDate = Date(body?["endDate"]);
            data.Sprints.Add(sprint);
            return Reply.Created(Sprint(sprint, api));
        }));

        routes.MapPath("GET", Base + "/sprint/{sprintId}", (http, api, _, _) => state.Read(data => Reply.Ok(Sprint(FindSprint(data, http), api))));

        // A partial update: a name, dates, a goal, or the next state (future → active needs both dates; active → closed).
        routes.MapPath("POST", Base + "/sprint/{sprintId}", (http, api, body, _) => state.Write(data =>
        {
            var sprint = FindSprint(data, http);
            if (body?["name"]?.ToString() is { Length: > 0 } name) sprint.Name = name.Trim();
            if (body?["goal"] is { } goal) sprint.Goal = goal.ToString();
            if (body?["startDate"] is { } start) sprint.StartDate = Date(start);
            if (body?["endDate"] is { } end) sprint.EndDate = Date(end);
            if (body?["state"]?.ToString() is { } wanted && wanted != sprint.State)
            {
                switch (sprint.State, wanted)
                {
                    case ("future", "active"):
                        if (sprint.StartDate is null || sprint.EndDate is null) throw JiraApiException.BadRequest("A sprint needs a start date and an end date to be started.");
                        break;
                    case ("active", "closed"):
                        sprint.CompleteDate = state.Now();
                        break;
                    default:
                        throw JiraApiException.BadRequest($"A sprint cannot go from {sprint.State} to {wanted}.");
                }
                sprint.State = wanted;
            }
            return Reply.Ok(Sprint(sprint, api));
        }));

        routes.MapPath("POST", Base + "/sprint/{sprintId}/issue", (http, _, body, me) => state.Write(data =>
        {
            var sprint = FindSprint(data, http);
            if (!sprint.IsOpen) throw JiraApiException.BadRequest("Issues can only be moved to a future or active sprint.");
            Move(data, body, sprint, me, state.Now());
            return Reply.NoContent();
        }));

        routes.MapPath("POST", Base + "/backlog/issue", (_, _, body, me) => state.Write(data =>
        {
            Move(data, body, null, me, state.Now());
            return Reply.NoContent();
        }));
    }

    private static void Move(SandboxData data, JsonNode? body, SandboxSprint? target, SandboxUser me, DateTimeOffset now)
    {
        var references = (body?["issues"] as JsonArray ?? []).Select(i => i?.ToString() ?? "").ToList();
        if (references.Count == 0) throw JiraApiException.Field("issues", "At least one issue is required.");
        if (references.Count > 50) throw JiraApiException.Field("issues", "At most 50 issues can be moved at once.");
        var issues = references.Select(r => SandboxState.FindIssue(data, r)).ToList();
        foreach (var issue in issues)
        {
            IssueEndpoints.Writable(data, issue);
            if (SprintMembership.MoveTo(issue, target, data) is { } change) IssueEndpoints.Record(data, issue, me, [change], now);
        }
    }

    private static bool BoardShows(SandboxData data, SandboxBoard board, string projectKeyOrId) =>
        board.ProjectKey.Equals(projectKeyOrId, StringComparison.OrdinalIgnoreCase) || SandboxState.FindProject(data, board.ProjectKey)?.Id == projectKeyOrId;

    private static SandboxBoard FindBoard(SandboxData data, HttpContext http)
    {
        var id = ApiRoutes.Route(http, "boardId");
        return data.Boards.FirstOrDefault(b => b.Id.ToString(CultureInfo.InvariantCulture) == id)
            ?? throw new JiraApiException(404, ["Board does not exist or you do not have permission to see it."]);
    }

    private static SandboxSprint FindSprint(SandboxData data, HttpContext http)
    {
        var id = ApiRoutes.Route(http, "sprintId");
        return data.Sprints.FirstOrDefault(s => s.Id.ToString(CultureInfo.InvariantCulture) == id)
            ?? throw new JiraApiException(404, ["Sprint does not exist or you do not have permission to view it."]);
    }

    private static DateTimeOffset? Date(JsonNode? value) =>
        value?.ToString() is { Length: > 0 } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at
        : value is null || value.ToString().Length == 0 ? null
        : throw JiraApiException.BadRequest($"The date '{value}' is not valid.");

    /// <summary>Agile paging: <c>startAt</c>, <c>maxResults</c> (50 at most), <c>isLast</c>, <c>values</c>.</summary>
    private static Reply Page<T>(HttpContext http, IReadOnlyList<T> all, Func<T, JsonNode> render)
    {
        var startAt = Math.Max(0, ApiRoutes.QueryInt(http, "startAt", 0));
        var maxResults = Math.Clamp(ApiRoutes.QueryInt(http, "maxResults", 50), 1, 50);
        var page = all.Skip(startAt).Take(maxResults).ToList();
        return Reply.Ok(new JsonObject
        {
            ["maxResults"] = maxResults,
            ["startAt"] = startAt,
            ["total"] = all.Count,
            ["isLast"] = startAt + page.Count >= all.Count,
            ["values"] = new JsonArray([.. page.Select(render)]),
        });
    }

    private static JsonObject Board(SandboxBoard board, SandboxData data, ApiContext api)
    {
        var project = SandboxState.FindProject(data, board.ProjectKey);
        return new JsonObject
        {
            ["id"] = board.Id,
            ["self"] = $"{api.BaseUrl}{Base}/board/{board.Id}",
            ["name"] = board.Name,
            ["type"] = board.Type,
            ["location"] = new JsonObject
            {
                ["projectId"] = long.Parse(project?.Id ?? "0", CultureInfo.InvariantCulture),
                ["projectKey"] = board.ProjectKey,
                ["projectName"] = project?.Name,
                ["projectTypeKey"] = "software",
                ["displayName"] = $"{project?.Name} ({board.ProjectKey})",
            },
        };
    }

    public static JsonObject Sprint(SandboxSprint sprint, ApiContext api)
    {
        var zone = api.State.TimeZone;
        var json = new JsonObject
        {
            ["id"] = sprint.Id,
            ["self"] = $"{api.BaseUrl}{Base}/sprint/{sprint.Id}",
            ["state"] = sprint.State,
            ["name"] = sprint.Name,
        };
        if (sprint.StartDate is { } start) json["startDate"] = JiraTime.Format(start, zone);
        if (sprint.EndDate is { } end) json["endDate"] = JiraTime.Format(end, zone);
        if (sprint.CompleteDate is { } complete) json["completeDate"] = JiraTime.Format(complete, zone);
        json["originBoardId"] = sprint.OriginBoardId;
        if (sprint.Goal is not null) json["goal"] = sprint.Goal;
        return json;
    }
}
