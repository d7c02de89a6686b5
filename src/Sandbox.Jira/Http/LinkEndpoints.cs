using System.Text.Json.Nodes;
using Sandbox.Jira.Model;
using Sandbox.Jira.State;

namespace Sandbox.Jira.Http;

/// <summary>Remote links (upsert by <c>globalId</c>) and issue properties: where a sync tool tags what it created. Adding,
/// changing or deleting a remote link writes a <c>RemoteIssueLink</c> changelog item and moves the issue's
/// <c>updated</c>, as Jira does (docs/reference/jira.md §8).</summary>
internal static class LinkEndpoints
{
    public static void Map(ApiRoutes routes, SandboxState state)
    {
        routes.Map("GET", "/issue/{issueIdOrKey}/remotelink", (http, api, _, _) => state.Read(data =>
        {
            var issue = SandboxState.FindIssue(data, ApiRoutes.Route(http, "issueIdOrKey"));
            var globalId = ApiRoutes.Query(http, "globalId");
            if (globalId is not null)
            {
                var one = issue.RemoteLinks.FirstOrDefault(l => l.GlobalId == globalId)
                    ?? throw new JiraApiException(404, ["No remote link with the given globalId exists for this issue."]);
                return Reply.Ok(Render(one, issue, api));
            }
            return Reply.Ok(new JsonArray([.. issue.RemoteLinks.Select(l => (JsonNode)Render(l, issue, api))]));
        }));

        routes.Map("GET", "/issue/{issueIdOrKey}/remotelink/{linkId}", (http, api, _, _) => state.Read(data =>
        {
            var issue = SandboxState.FindIssue(data, ApiRoutes.Route(http, "issueIdOrKey"));
            return Reply.Ok(Render(LinkById(issue, ApiRoutes.Route(http, "linkId")), issue, api));
        }));

        routes.Map("DELETE", "/issue/{issueIdOrKey}/remotelink/{linkId}", (http, _, _, me) => state.Write(data =>
        {
            var issue = SandboxState.FindIssue(data, ApiRoutes.Route(http, "issueIdOrKey"));
            IssueEndpoints.Writable(data, issue);
            Remove(data, issue, LinkById(issue, ApiRoutes.Route(http, "linkId")), me, state.Now());
            return Reply.NoContent();
        }));

        routes.Map("DELETE", "/issue/{issueIdOrKey}/remotelink", (http, _, _, me) => state.Write(data =>
        {
            var issue = SandboxState.FindIssue(data, ApiRoutes.Route(http, "issueIdOrKey"));
            IssueEndpoints.Writable(data, issue);
            var globalId = ApiRoutes.Query(http, "globalId")
                ?? throw new JiraApiException(400, ["The global ID of the remote issue link is required."]);
            var link = issue.RemoteLinks.FirstOrDefault(l => l.GlobalId == globalId)
                ?? throw new JiraApiException(404, ["No remote link with the given globalId exists for this issue."]);
            Remove(data, issue, link, me, state.Now());
            return Reply.NoContent();
        }));

        routes.Map("POST", "/issue/{issueIdOrKey}/remotelink", (http, api, body, me) => state.Write(data =>
        {
            var issue = SandboxState.FindIssue(data, ApiRoutes.Route(http, "issueIdOrKey"));
            IssueEndpoints.Writable(data, issue);
            var request = body as JsonObject ?? [];
            var linkObject = request["object"] as JsonObject;
            var errors = new Dictionary<string, string>();
            if (string.IsNullOrEmpty(linkObject?["url"]?.ToString())) errors["url"] = "'url' is required.";
            if (string.IsNullOrEmpty(linkObject?["title"]?.ToString())) errors["title"] = "'title' is required.";
            if (errors.Count > 0) throw new JiraApiException(400, [], errors);
            var globalId = request["globalId"]?.ToString();
            var existing = globalId is null ? null : issue.RemoteLinks.FirstOrDefault(l => l.GlobalId == globalId);
            var link = existing ?? new RemoteLink { Id = data.NextRemoteLinkId++, Target = linkObject!, GlobalId = globalId };
            link.Target = (JsonObject)linkObject!.DeepClone();
            link.Relationship = request["relationship"]?.ToString();
            link.Application = request["application"]?.DeepClone() as JsonObject;
            if (existing is null) issue.RemoteLinks.Add(link);
            IssueEndpoints.Record(data, issue, me, [new ChangeItem("RemoteIssueLink", "jira", existing is null ? null : Id(link), null, Id(link), Describe(link))], state.Now());
            var identifies = new JsonObject { ["id"] = link.Id, ["self"] = $"{api.ApiBase}/issue/{issue.Key}/remotelink/{link.Id}" };
            return existing is null ? Reply.Created(identifies) : Reply.Ok(identifies);
        }));

        routes.Map("GET", "/issue/{issueIdOrKey}/properties", (http, api, _, _) => state.Read(data =>
        {
            var issue = SandboxState.FindIssue(data, ApiRoutes.Route(http, "issueIdOrKey"));
            var keys = issue.Properties.Keys.Order(StringComparer.Ordinal).Select(k => (JsonNode)new JsonObject
            {
                ["self"] = $"{api.ApiBase}/issue/{issue.Id}/properties/{k}",
                ["key"] = k,
            });
            return Reply.Ok(new JsonObject { ["keys"] = new JsonArray([.. keys]) });
        }));

        routes.Map("GET", "/issue/{issueIdOrKey}/properties/{propertyKey}", (http, _, _, _) => state.Read(data =>
        {
            var issue = SandboxState.FindIssue(data, ApiRoutes.Route(http, "issueIdOrKey"));
            var key = ApiRoutes.Route(http, "propertyKey");
            if (!issue.Properties.TryGetValue(key, out var value))
                throw new JiraApiException(404, [$"The property with key '{key}' does not exist."]);
            return Reply.Ok(new JsonObject { ["key"] = key, ["value"] = value?.DeepClone() });
        }));

        routes.Map("PUT", "/issue/{issueIdOrKey}/properties/{propertyKey}", (http, _, body, _) => state.Write(data =>
        {
            var issue = SandboxState.FindIssue(data, ApiRoutes.Route(http, "issueIdOrKey"));
            var key = ApiRoutes.Route(http, "propertyKey");
            var existed = issue.Properties.ContainsKey(key);
            issue.Properties[key] = body?.DeepClone();
            return new Reply(existed ? 200 : 201);
        }));

        routes.Map("DELETE", "/issue/{issueIdOrKey}/properties/{propertyKey}", (http, _, _, _) => state.Write(data =>
        {
            var issue = SandboxState.FindIssue(data, ApiRoutes.Route(http, "issueIdOrKey"));
            var key = ApiRoutes.Route(http, "propertyKey");
            if (!issue.Properties.Remove(key)) throw new JiraApiException(404, [$"The property with key '{key}' does not exist."]);
            return Reply.NoContent();
        }));
    }

    private static RemoteLink LinkById(SandboxIssue issue, string linkId) =>
        issue.RemoteLinks.FirstOrDefault(l => Id(l) == linkId)
            ?? throw new JiraApiException(404, ["No remote link with the given id exists for this issue."]);

    private static void Remove(SandboxData data, SandboxIssue issue, RemoteLink link, SandboxUser me, DateTimeOffset now)
    {
        issue.RemoteLinks.Remove(link);
        IssueEndpoints.Record(data, issue, me, [new ChangeItem("RemoteIssueLink", "jira", Id(link), Describe(link), null, null)], now);
    }

    private static string Id(RemoteLink link) => link.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The text Jira's history shows for a web link.</summary>
    private static string Describe(RemoteLink link) => $"This issue links to \"{link.Target["title"]} (Web Link)\"";

    private static JsonObject Render(RemoteLink link, SandboxIssue issue, ApiContext api)
    {
        var json = new JsonObject
        {
            ["id"] = link.Id,
            ["self"] = $"{api.ApiBase}/issue/{issue.Key}/remotelink/{link.Id}",
            ["object"] = link.Target.DeepClone(),
        };
        if (link.GlobalId is not null) json["globalId"] = link.GlobalId;
        if (link.Relationship is not null) json["relationship"] = link.Relationship;
        if (link.Application is not null) json["application"] = link.Application.DeepClone();
        return json;
    }
}
