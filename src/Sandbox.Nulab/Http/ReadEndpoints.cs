using System.Text.Json.Nodes;
using Sandbox.Nulab.Model;
using Sandbox.Nulab.State;

namespace Sandbox.Nulab.Http;

/// <summary>The read endpoints of docs/reference/nulab-backlog.md §2.5.</summary>
internal static class ReadEndpoints
{
    public static void Map(NulabRoutes routes, RateLimits limits)
    {
        routes.Get("/space", (_, _, s) => new JsonObject
        {
            ["spaceKey"] = s.SpaceKey, ["name"] = "Sandbox Space", ["ownerId"] = 1, ["lang"] = "ja", ["timezone"] = "Asia/Tokyo",
            ["reportSendTime"] = "08:00:00", ["textFormattingRule"] = "markdown",
            ["created"] = NulabJson.Time(SpaceSeed.Epoch.AddYears(-2)), ["updated"] = NulabJson.Time(SpaceSeed.Epoch),
        });
        routes.Get("/users", (_, _, s) => Array(s.Users.Select(NulabJson.User)));
        routes.Get("/users/myself", (_, _, s) => NulabJson.User(s.Users[0]));
        routes.Get("/priorities", (_, _, s) => Array(s.Priorities.Select(NulabJson.Named)));
        routes.Get("/resolutions", (_, _, s) => Array(s.Resolutions.Select(NulabJson.Named)));
        routes.Get("/rateLimit", (_, _, _) => limits.Snapshot());
        routes.Get("/projects", (_, q, s) =>
        {
            var archived = q.Bool("archived");
            return Array(s.Projects.Where(p => archived is null || p.Archived == archived).Select(NulabJson.Project));
        });
        routes.Get("/projects/{project}", (http, _, s) => NulabJson.Project(Project(http, s)));
        routes.Get("/projects/{project}/users", (http, _, s) => Array(Project(http, s).MemberIds.Select(id => NulabJson.User(s.User(id)))));
        routes.Get("/projects/{project}/statuses", (http, _, s) => Array(Project(http, s).Statuses.Select(NulabJson.Status)));
        routes.Get("/projects/{project}/issueTypes", (http, _, s) => Array(Project(http, s).IssueTypes.Select(NulabJson.IssueType)));
        routes.Get("/projects/{project}/categories", (http, _, s) => Array(Project(http, s).Categories.Select(NulabJson.Category)));
        // The documented endpoint takes no query parameters: archived versions are always listed (cuongph's `archived=`
        // is ignored here as it is believed to be on Backlog).
        routes.Get("/projects/{project}/customFields", (http, _, s) => Array(Project(http, s).CustomFields.Select(NulabJson.CustomField)));
        routes.Get("/projects/{project}/versions", (http, _, s) => Array(Project(http, s).Versions.Select(NulabJson.Version)));

        routes.Get("/issues", (_, q, s) =>
        {
            var offset = q.Int("offset") ?? 0;
            var count = q.Int("count") ?? 20;
            if (count is < 1 or > 100) throw NulabApiException.Invalid("count must be between 1 and 100.");
            if (offset < 0) throw NulabApiException.Invalid("offset must be 0 or more.");
            var ascending = (q.Text("order") ?? "desc") switch
            {
                "asc" => true,
                "desc" => false,
                var other => throw NulabApiException.Invalid($"Invalid value for 'order': '{other}'."),
            };
            var issues = IssueFilter.Sort(s, IssueFilter.Apply(s, q), q.Text("sort"), ascending).Skip(offset).Take(count);
            return Array(issues.Select(i => NulabJson.Issue(s, i)));
        });
        routes.Get("/issues/count", (_, q, s) => new JsonObject { ["count"] = IssueFilter.Apply(s, q).Count() });
        routes.Get("/issues/{issue}", (http, _, s) => NulabJson.Issue(s, Issue(http, s)));
        routes.Get("/issues/{issue}/comments", (http, q, s) =>
        {
            var issue = Issue(http, s);
            var count = q.Int("count") ?? 20;
            if (count is < 1 or > 100) throw NulabApiException.Invalid("count must be between 1 and 100.");
            var minId = q.Int("minId");
            var maxId = q.Int("maxId");
            var ascending = q.Text("order") == "asc";
            var window = issue.Comments.Where(c => (minId is null || c.Id >= minId) && (maxId is null || c.Id <= maxId));
            window = ascending ? window.OrderBy(c => c.Id) : window.OrderByDescending(c => c.Id);
            return Array(window.Take(count).Select(c => NulabJson.Comment(s, issue, c)));
        });
        routes.Get("/issues/{issue}/comments/count", (http, _, s) => new JsonObject { ["count"] = Issue(http, s).Comments.Count });
        routes.Get("/issues/{issue}/attachments", (http, _, s) => Array(Issue(http, s).Attachments.Select(a => NulabJson.Attachment(s, a))));
    }

    public static StoredProject Project(Microsoft.AspNetCore.Http.HttpContext http, SpaceState space) =>
        space.FindProject(NulabRoutes.Route(http, "project")) ?? throw NulabApiException.NotFound("No project.");

    public static StoredIssue Issue(Microsoft.AspNetCore.Http.HttpContext http, SpaceState space) =>
        space.FindIssue(NulabRoutes.Route(http, "issue")) ?? throw NulabApiException.NotFound("No issue.");

    private static JsonArray Array(IEnumerable<JsonObject> items) => new([.. items.Cast<JsonNode>()]);
}
