using System.Globalization;
using System.Text.Json.Nodes;
using Sandbox.Jira.Model;
using Sandbox.Jira.State;

namespace Sandbox.Jira.Http;

/// <summary>Comments and the changelog (docs/reference/jira.md §2.5–2.6). A comment bumps the issue's <c>updated</c>.</summary>
internal static class CommentEndpoints
{
    public static void Map(ApiRoutes routes, SandboxState state)
    {
        routes.Map("GET", "/issue/{issueIdOrKey}/comment", (http, api, _, _) => state.Read(data =>
        {
            var issue = SandboxState.FindIssue(data, ApiRoutes.Route(http, "issueIdOrKey"));
            var orderBy = ApiRoutes.Query(http, "orderBy") ?? "created";
            if (orderBy is not ("created" or "-created" or "+created"))
                throw JiraApiException.BadRequest("Order by value is invalid. Only 'created' field is supported.");
            var ordered = orderBy == "-created" ? issue.Comments.AsEnumerable().Reverse().ToList() : issue.Comments;
            var startAt = ApiRoutes.QueryInt(http, "startAt", 0);
            var maxResults = Math.Clamp(ApiRoutes.QueryInt(http, "maxResults", 100), 0, 5000);
            var page = ordered.Skip(startAt).Take(maxResults).Select(c => (JsonNode)JiraJson.Comment(c, data, api, issue.Id));
            return Reply.Ok(new JsonObject
            {
                ["startAt"] = startAt,
                ["maxResults"] = maxResults,
                ["total"] = issue.Comments.Count,
                ["comments"] = new JsonArray([.. page]),
            });
        }));

        routes.Map("POST", "/issue/{issueIdOrKey}/comment", (http, api, body, me) => state.Write(data =>
        {
            var issue = SandboxState.FindIssue(data, ApiRoutes.Route(http, "issueIdOrKey"));
            IssueEndpoints.Writable(data, issue);
            var comment = Add(data, issue, api, body?["body"], me, state.Now());
            return Reply.Created(JiraJson.Comment(comment, data, api, issue.Id));
        }));

        routes.Map("GET", "/issue/{issueIdOrKey}/comment/{id}", (http, api, _, _) => state.Read(data =>
        {
            var issue = SandboxState.FindIssue(data, ApiRoutes.Route(http, "issueIdOrKey"));
            return Reply.Ok(JiraJson.Comment(Find(issue, ApiRoutes.Route(http, "id")), data, api, issue.Id));
        }));

        routes.Map("PUT", "/issue/{issueIdOrKey}/comment/{id}", (http, api, body, _) => state.Write(data =>
        {
            var issue = SandboxState.FindIssue(data, ApiRoutes.Route(http, "issueIdOrKey"));
            var comment = Find(issue, ApiRoutes.Route(http, "id"));
            comment.Body = RichText.FromRequest(body?["body"], api, "comment") ?? throw JiraApiException.Field("comment", "Comment body can not be empty!");
            comment.Updated = issue.Updated = state.Now();
            return Reply.Ok(JiraJson.Comment(comment, data, api, issue.Id));
        }));

        routes.Map("DELETE", "/issue/{issueIdOrKey}/comment/{id}", (http, _, _, _) => state.Write(data =>
        {
            var issue = SandboxState.FindIssue(data, ApiRoutes.Route(http, "issueIdOrKey"));
            issue.Comments.Remove(Find(issue, ApiRoutes.Route(http, "id")));
            issue.Updated = state.Now();
            return Reply.NoContent();
        }));

        routes.Map("GET", "/issue/{issueIdOrKey}/changelog", (http, api, _, _) => state.Read(data =>
        {
            var issue = SandboxState.FindIssue(data, ApiRoutes.Route(http, "issueIdOrKey"));
            var startAt = ApiRoutes.QueryInt(http, "startAt", 0);
            var maxResults = Math.Clamp(ApiRoutes.QueryInt(http, "maxResults", 100), 1, 100);
            var page = issue.Histories.Skip(startAt).Take(maxResults).ToList();
            var isLast = startAt + page.Count >= issue.Histories.Count;
            var self = $"{api.ApiBase}/issue/{issue.Key}/changelog?maxResults={maxResults}&startAt={startAt}";
            var json = new JsonObject
            {
                ["self"] = self,
                ["maxResults"] = maxResults,
                ["startAt"] = startAt,
                ["total"] = issue.Histories.Count,
                ["isLast"] = isLast,
                ["values"] = new JsonArray([.. page.Select(h => (JsonNode)JiraJson.History(h, data, api))]),
            };
            if (!isLast) json["nextPage"] = $"{api.ApiBase}/issue/{issue.Key}/changelog?maxResults={maxResults}&startAt={startAt + page.Count}";
            return Reply.Ok(json);
        }));
    }

    public static SandboxComment Add(SandboxData data, SandboxIssue issue, ApiContext api, JsonNode? body, SandboxUser me, DateTimeOffset now)
    {
        var stored = RichText.FromRequest(body, api, "comment") ?? throw JiraApiException.Field("comment", "Comment body can not be empty!");
        var comment = new SandboxComment
        {
            Id = (data.NextCommentId++).ToString(CultureInfo.InvariantCulture),
            AuthorId = me.Key,
            Body = stored,
            Created = now,
            Updated = now,
        };
        issue.Comments.Add(comment);
        issue.Updated = now;
        return comment;
    }

    private static SandboxComment Find(SandboxIssue issue, string id) =>
        issue.Comments.FirstOrDefault(c => c.Id == id) ?? throw new JiraApiException(404, ["Can not find a comment for the id: " + id + "."]);
}
