using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Sandbox.Nulab.Model;
using Sandbox.Nulab.State;

namespace Sandbox.Nulab.Http;

/// <summary>
/// Recent updates (docs/reference/nulab-backlog.md §2.12): the space's (<c>/space/activities</c>) and one user's
/// (<c>/users/:id/activities</c>), with <c>activityTypeId[]</c>, <c>minId</c>/<c>maxId</c> (exclusive, as Backlog's),
/// <c>count</c> 1–100 (20) and <c>order</c> (desc); and the stars a user received (<c>/users/:id/stars/count</c>, with
/// <c>since</c>/<c>until</c>). The sandbox derives its activities from what it holds: an issue's creation (type 1) and
/// each comment (type 3, or 2 for a change-log-only one), numbered in time order.
/// </summary>
internal static class ActivityEndpoints
{
    public static void Map(NulabRoutes routes)
    {
        routes.Get("/space/activities", (_, q, s) => Page(Activities(s), q, s));
        routes.Get("/users/{user}/activities", (http, q, s) =>
        {
            var user = User(http, s);
            return Page(Activities(s).Where(a => a.UserId == user.Id), q, s);
        });
        routes.Get("/users/{user}/stars/count", (http, q, s) =>
        {
            var user = User(http, s);
            var since = WriteEndpoints.Day(q.Text("since"), "since");
            var until = WriteEndpoints.Day(q.Text("until"), "until");
            return new JsonObject { ["count"] = s.Stars.Count(star => star.UserId == user.Id && (since is null || star.At >= since) && (until is null || star.At < until.Value.AddDays(1))) };
        });
    }

    private sealed record Activity(int Id, int Type, StoredIssue Issue, StoredComment? Comment, int UserId, DateTimeOffset Created);

    private static List<Activity> Activities(SpaceState s)
    {
        var events = s.Issues.Select(i => (Type: 1, Issue: i, Comment: (StoredComment?)null, User: i.CreatedUserId, At: i.Created))
            .Concat(s.Issues.SelectMany(i => i.Comments.Select(c => (Type: string.IsNullOrWhiteSpace(c.Content) ? 2 : 3, Issue: i, Comment: (StoredComment?)c, User: c.CreatedUserId, At: c.Created))))
            .OrderBy(e => e.At).ThenBy(e => e.Issue.Id).ThenBy(e => e.Comment?.Id ?? 0)
            .ToList();
        return [.. events.Select((e, i) => new Activity(i + 1, e.Type, e.Issue, e.Comment, e.User, e.At))];
    }

    private static JsonArray Page(IEnumerable<Activity> activities, QueryReader q, SpaceState s)
    {
        var count = q.Int("count") ?? 20;
        if (count is < 1 or > 100) throw NulabApiException.Invalid("count must be between 1 and 100.");
        var types = q.Ints("activityTypeId");
        var (minId, maxId) = (q.Int("minId"), q.Int("maxId"));
        var chosen = activities.Where(a => (types.Count == 0 || types.Contains(a.Type)) && (minId is null || a.Id > minId) && (maxId is null || a.Id < maxId));
        chosen = q.Text("order") == "asc" ? chosen.OrderBy(a => a.Id) : chosen.OrderByDescending(a => a.Id);
        return new JsonArray([.. chosen.Take(count).Select(a => (JsonNode)Json(a, s))]);
    }

    private static JsonObject Json(Activity a, SpaceState s)
    {
        var project = s.Projects.First(p => p.Id == a.Issue.ProjectId);
        var content = new JsonObject { ["id"] = a.Issue.Id, ["key_id"] = a.Issue.KeyId, ["summary"] = a.Issue.Summary, ["description"] = a.Issue.Description ?? "" };
        if (a.Comment is { } comment)
        {
            content["comment"] = new JsonObject { ["id"] = comment.Id, ["content"] = comment.Content ?? "" };
            content["changes"] = new JsonArray([.. comment.ChangeLog.Select(c => (JsonNode)new JsonObject { ["field"] = c.Field, ["new_value"] = c.NewValue, ["old_value"] = c.OriginalValue, ["type"] = "standard" })]);
        }
        return new JsonObject
        {
            ["id"] = a.Id, ["project"] = NulabJson.Project(project), ["type"] = a.Type, ["content"] = content, ["notifications"] = new JsonArray(),
            ["createdUser"] = NulabJson.User(s.User(a.UserId)), ["created"] = NulabJson.Time(a.Created),
        };
    }

    private static SpaceUser User(HttpContext http, SpaceState s)
    {
        var id = NulabRoutes.Route(http, "user");
        return s.Users.Find(u => u.Id.ToString(CultureInfo.InvariantCulture) == id) ?? throw NulabApiException.NotFound("No user.");
    }
}
