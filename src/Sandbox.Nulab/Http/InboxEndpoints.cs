using System.Globalization;
using System.Text.Json.Nodes;
using Sandbox.Nulab.Model;
using Sandbox.Nulab.State;

namespace Sandbox.Nulab.Http;

/// <summary>The API key's user's notifications (by id window, with the unread count) and a user's watching list (with
/// offset paging and a count), docs/reference/nulab-backlog.md §2.9, shaped as backlog-js types them.</summary>
internal static class InboxEndpoints
{
    private const int Me = 1;

    public static void Map(NulabRoutes routes)
    {
        routes.Get("/notifications", (_, q, s) =>
        {
            var count = q.Int("count") ?? 20;
            if (count is < 1 or > 100) throw NulabApiException.Invalid("count must be between 1 and 100.");
            var (minId, maxId) = (q.Int("minId"), q.Int("maxId"));
            var mine = s.Notifications.Where(n => n.UserId == Me && (minId is null || n.Id >= minId) && (maxId is null || n.Id <= maxId));
            mine = q.Text("order") == "asc" ? mine.OrderBy(n => n.Id) : mine.OrderByDescending(n => n.Id);
            return new JsonArray([.. mine.Take(count).Select(n => (JsonNode)Notification(s, n))]);
        });
        routes.Get("/notifications/count", (_, q, s) =>
        {
            var (read, resourceRead) = (q.Bool("alreadyRead"), q.Bool("resourceAlreadyRead"));
            return new JsonObject
            {
                ["count"] = s.Notifications.Count(n => n.UserId == Me && (read is null || n.AlreadyRead == read) && (resourceRead is null || n.ResourceAlreadyRead == resourceRead)),
            };
        });
        routes.Get("/users/{user}/watchings", (http, q, s) =>
        {
            var count = q.Int("count") ?? 20;
            if (count is < 1 or > 100) throw NulabApiException.Invalid("count must be between 1 and 100.");
            var watched = Watched(http, q, s).OrderByDescending(w => w.Created).Skip(q.Int("offset") ?? 0).Take(count);
            return new JsonArray([.. watched.Select(w => (JsonNode)Watching(s, w))]);
        });
        routes.Get("/users/{user}/watchings/count", (http, q, s) => new JsonObject { ["count"] = Watched(http, q, s).Count() });
    }

    private static IEnumerable<StoredWatching> Watched(Microsoft.AspNetCore.Http.HttpContext http, QueryReader query, SpaceState space)
    {
        var text = NulabRoutes.Route(http, "user");
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var user) || space.Users.All(u => u.Id != user)) throw NulabApiException.NotFound("No user.");
        var read = query.Bool("resourceAlreadyRead");
        var issues = query.Ints("issueId");
        return space.Watchings.Where(w => w.UserId == user && (read is null || w.ResourceAlreadyRead == read) && (issues.Count == 0 || issues.Contains(w.IssueId)));
    }

    private static JsonObject Notification(SpaceState space, StoredNotification notification)
    {
        var issue = notification.IssueId is { } issueId ? space.Issues.Find(i => i.Id == issueId) : null;
        var pull = notification.PullRequestId is { } pullId ? space.Repositories.SelectMany(r => r.PullRequests).FirstOrDefault(p => p.Id == pullId) : null;
        var repository = pull is null ? null : space.Repositories.Find(r => r.PullRequests.Contains(pull));
        var projectId = issue?.ProjectId ?? repository?.ProjectId ?? 0;
        var comment = issue?.Comments.Find(c => c.Id == notification.CommentId);
        return new JsonObject
        {
            ["id"] = notification.Id,
            ["alreadyRead"] = notification.AlreadyRead,
            ["reason"] = notification.Reason,
            ["resourceAlreadyRead"] = notification.ResourceAlreadyRead,
            ["project"] = NulabJson.Project(space.Projects.Find(p => p.Id == projectId)!),
            ["issue"] = issue is null ? null : NulabJson.Issue(space, issue),
            ["comment"] = comment is null || issue is null ? null : NulabJson.Comment(space, issue, comment),
            ["pullRequest"] = pull is null ? null : new JsonObject { ["id"] = pull.Id, ["number"] = pull.Number, ["summary"] = pull.Summary, ["repositoryId"] = repository!.Id },
            ["pullRequestComment"] = null,
            ["sender"] = NulabJson.User(space.User(notification.SenderId)),
            ["created"] = NulabJson.Time(notification.Created),
        };
    }

    internal static JsonObject Watching(SpaceState space, StoredWatching watching)
    {
        var issue = space.Issues.Find(i => i.Id == watching.IssueId)!;
        return new JsonObject
        {
            ["id"] = watching.Id, ["resourceAlreadyRead"] = watching.ResourceAlreadyRead, ["note"] = watching.Note, ["type"] = "issue",
            ["issue"] = NulabJson.Issue(space, issue), ["lastContentUpdated"] = NulabJson.Time(issue.Updated),
            ["created"] = NulabJson.Time(watching.Created), ["updated"] = NulabJson.Time(watching.Created),
        };
    }
}
