using System.Globalization;
using System.Text.Json.Nodes;
using Sandbox.Jira.Model;
using Sandbox.Jira.State;

namespace Sandbox.Jira.Http;

/// <summary>Issue links and their types (docs/reference/jira.md §9). A POST names the issue the outward phrase belongs
/// to as <c>inwardIssue</c> ({"inwardIssue": A, "outwardIssue": B, "type": Blocks} is "A blocks B"); on each issue the
/// link shows the other issue, under <c>outwardIssue</c> when this issue holds the outward phrase. Creating or deleting a
/// link records a <c>Link</c> change on both issues and moves their <c>updated</c>.</summary>
internal static class IssueLinkEndpoints
{
    public static void Map(ApiRoutes routes, SandboxState state)
    {
        routes.Map("GET", "/issueLinkType", (_, api, _, _) =>
            Reply.Ok(new JsonObject { ["issueLinkTypes"] = new JsonArray([.. IssueLinkType.Defaults.Select(t => (JsonNode)Type(t, api))]) }));

        routes.Map("GET", "/issueLinkType/{issueLinkTypeId}", (http, api, _, _) =>
            Reply.Ok(Type(IssueLinkType.Find(ApiRoutes.Route(http, "issueLinkTypeId"))
                ?? throw new JiraApiException(404, ["No issue link type with id '" + ApiRoutes.Route(http, "issueLinkTypeId") + "' found."]), api)));

        routes.Map("POST", "/issueLink", (_, _, body, me) => state.Write(data =>
        {
            var request = body as JsonObject ?? [];
            var typeRef = request["type"]?["name"]?.ToString() ?? request["type"]?["id"]?.ToString();
            var type = IssueLinkType.Find(typeRef) ?? throw new JiraApiException(404, [$"No issue link type with name '{typeRef}' found."]);
            var inward = Linked(data, request["inwardIssue"]);
            var outward = Linked(data, request["outwardIssue"]);
            IssueEndpoints.Writable(data, inward);
            // A link that already exists is reported as created, and not made twice.
            if (!data.IssueLinks.Any(l => l.TypeId == type.Id && l.InwardIssueId == inward.Id && l.OutwardIssueId == outward.Id))
            {
                var link = new IssueLink { Id = (data.NextIssueLinkId++).ToString(CultureInfo.InvariantCulture), TypeId = type.Id, InwardIssueId = inward.Id, OutwardIssueId = outward.Id };
                data.IssueLinks.Add(link);
                Record(data, link, type, me, state.Now(), added: true);
            }
            return new Reply(201);
        }));

        routes.Map("GET", "/issueLink/{linkId}", (http, api, _, _) => state.Read(data =>
        {
            var link = Find(data, ApiRoutes.Route(http, "linkId"));
            var type = IssueLinkType.Find(link.TypeId)!;
            return Reply.Ok(new JsonObject
            {
                ["id"] = link.Id,
                ["self"] = $"{api.ApiBase}/issueLink/{link.Id}",
                ["type"] = Type(type, api),
                ["inwardIssue"] = IssueJson.Parent(link.InwardIssueId, data, api),
                ["outwardIssue"] = IssueJson.Parent(link.OutwardIssueId, data, api),
            });
        }));

        routes.Map("DELETE", "/issueLink/{linkId}", (http, _, _, me) => state.Write(data =>
        {
            var link = Find(data, ApiRoutes.Route(http, "linkId"));
            IssueEndpoints.Writable(data, SandboxState.FindIssue(data, link.InwardIssueId));
            data.IssueLinks.Remove(link);
            Record(data, link, IssueLinkType.Find(link.TypeId)!, me, state.Now(), added: false);
            return Reply.NoContent();
        }));
    }

    /// <summary>The <c>issuelinks</c> field of <paramref name="issue"/>.</summary>
    public static JsonArray OnIssue(SandboxIssue issue, SandboxData data, ApiContext context) =>
        new([.. data.IssueLinks.Where(l => l.InwardIssueId == issue.Id || l.OutwardIssueId == issue.Id).Select(l =>
        {
            var json = new JsonObject
            {
                ["id"] = l.Id,
                ["self"] = $"{context.ApiBase}/issueLink/{l.Id}",
                ["type"] = Type(IssueLinkType.Find(l.TypeId)!, context),
            };
            if (l.InwardIssueId == issue.Id) json["outwardIssue"] = IssueJson.Parent(l.OutwardIssueId, data, context);
            else json["inwardIssue"] = IssueJson.Parent(l.InwardIssueId, data, context);
            return (JsonNode)json;
        })]);

    public static JsonObject Type(IssueLinkType type, ApiContext context) => new()
    {
        ["id"] = type.Id,
        ["name"] = type.Name,
        ["inward"] = type.Inward,
        ["outward"] = type.Outward,
        ["self"] = $"{context.ApiBase}/issueLinkType/{type.Id}",
    };

    private static SandboxIssue Linked(SandboxData data, JsonNode? reference)
    {
        var idOrKey = reference?["key"]?.ToString() ?? reference?["id"]?.ToString();
        return idOrKey is null ? throw JiraApiException.IssueNotFound() : SandboxState.FindIssue(data, idOrKey);
    }

    private static IssueLink Find(SandboxData data, string id) =>
        data.IssueLinks.FirstOrDefault(l => l.Id == id) ?? throw new JiraApiException(404, [$"No issue link with id '{id}' exists."]);

    /// <summary>The history Jira writes on both issues: "This issue blocks DEMO-3" and "This issue is blocked by DEMO-2".</summary>
    private static void Record(SandboxData data, IssueLink link, IssueLinkType type, SandboxUser me, DateTimeOffset now, bool added)
    {
        var inward = SandboxState.FindIssue(data, link.InwardIssueId);
        var outward = SandboxState.FindIssue(data, link.OutwardIssueId);
        foreach (var (issue, other, phrase) in new[] { (inward, outward, type.Outward), (outward, inward, type.Inward) })
        {
            var text = $"This issue {phrase} {other.Key}";
            IssueEndpoints.Record(data, issue, me, [added ? new ChangeItem("Link", "jira", null, null, other.Key, text) : new ChangeItem("Link", "jira", other.Key, text, null, null)], now);
        }
    }
}
