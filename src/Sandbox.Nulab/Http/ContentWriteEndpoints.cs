using System.Globalization;
using System.Text.Json.Nodes;
using Sandbox.Nulab.Model;
using Sandbox.Nulab.State;
using static Sandbox.Nulab.Http.WriteEndpoints;

namespace Sandbox.Nulab.Http;

/// <summary>The writes of Nulab's server's tools beyond issues (docs/reference/nulab-backlog.md §2.11): edit and delete
/// an issue comment (its author only, as Backlog allows), add and edit a wiki page, comment on a pull request, and
/// watch or stop watching an issue. Form-encoded; each answers the entity as written (a deletion: as it was).</summary>
internal static class ContentWriteEndpoints
{
    private const int Actor = 1;

    public static void Map(NulabRoutes routes)
    {
        routes.Write("PATCH", "/issues/{issue}/comments/{comment}", (http, form, space) => Task.FromResult<JsonNode>(space.Write(s =>
        {
            var (issue, index) = Comment(http, s);
            var content = Text(form, "content");
            if (string.IsNullOrWhiteSpace(content)) throw NulabApiException.Invalid("Please input a comment.");
            issue.Comments[index] = issue.Comments[index] with { Content = content, Updated = s.Now() };
            return NulabJson.Comment(s, issue, issue.Comments[index]);
        })));
        routes.Write("DELETE", "/issues/{issue}/comments/{comment}", (http, _, space) => Task.FromResult<JsonNode>(space.Write(s =>
        {
            var (issue, index) = Comment(http, s);
            var comment = issue.Comments[index];
            issue.Comments.RemoveAt(index);
            return NulabJson.Comment(s, issue, comment);
        })));

        routes.Write("POST", "/wikis", (_, form, space) => Task.FromResult<JsonNode>(space.Write(s =>
        {
            var project = s.FindProject(Text(form, "projectId") ?? throw NulabApiException.Invalid("Please specify projectId.")) ?? throw NulabApiException.NotFound("No project.");
            var name = Text(form, "name");
            if (string.IsNullOrWhiteSpace(name)) throw NulabApiException.Invalid("Please input a page name.");
            if (s.Wikis.Exists(w => w.ProjectId == project.Id && w.Name == name)) throw NulabApiException.Invalid($"A wiki page named '{name}' already exists.");
            var now = s.Now();
            var wiki = new StoredWiki { Id = s.Wikis.Max(w => w.Id) + 1, ProjectId = project.Id, Name = name, Content = Text(form, "content") ?? "", CreatedUserId = Actor, Created = now, UpdatedUserId = Actor, Updated = now };
            s.Wikis.Add(wiki);
            return Wiki(s, wiki);
        })));
        routes.Write("PATCH", "/wikis/{wiki}", (http, form, space) => Task.FromResult<JsonNode>(space.Write(s =>
        {
            var id = NulabRoutes.Route(http, "wiki");
            var wiki = s.Wikis.Find(w => w.Id.ToString(CultureInfo.InvariantCulture) == id) ?? throw NulabApiException.NotFound("No wiki.");
            if (Text(form, "name") is { } name)
                wiki.Name = string.IsNullOrWhiteSpace(name) ? throw NulabApiException.Invalid("Please input a page name.") : name;
            if (Text(form, "content") is { } content) wiki.Content = content;
            wiki.Updated = s.Now();
            wiki.UpdatedUserId = Actor;
            return Wiki(s, wiki);
        })));

        routes.Write("POST", PullRequests, (http, form, space) => Task.FromResult<JsonNode>(space.Write(s =>
        {
            var repo = GitEndpoints.Repo(http, s);
            var (summary, description, branchBase, branch) = (Text(form, "summary"), Text(form, "description"), Text(form, "base"), Text(form, "branch"));
            if (string.IsNullOrWhiteSpace(summary) || description is null || string.IsNullOrWhiteSpace(branchBase) || string.IsNullOrWhiteSpace(branch))
                throw NulabApiException.Invalid("summary, description, base and branch are required.");
            var now = s.Now();
            var pull = new StoredPullRequest
            {
                Id = s.Repositories.SelectMany(r => r.PullRequests).Select(p => p.Id).DefaultIfEmpty(799).Max() + 1,
                Number = repo.PullRequests.Select(p => p.Number).DefaultIfEmpty(0).Max() + 1,
                Summary = summary, Description = description, Base = branchBase, Branch = branch,
                IssueId = Issue(form, s), AssigneeId = Assignee(form, s), CreatedUserId = Actor, Created = now, Updated = now,
            };
            repo.PullRequests.Add(pull);
            return GitEndpoints.PullRequest(s, repo, pull);
        })));
        routes.Write("PATCH", PullRequests + "/{number}", (http, form, space) => Task.FromResult<JsonNode>(space.Write(s =>
        {
            var repo = GitEndpoints.Repo(http, s);
            var pull = GitEndpoints.Number(http, repo);
            if (Text(form, "summary") is { } summary) pull.Summary = string.IsNullOrWhiteSpace(summary) ? throw NulabApiException.Invalid("Please input a summary.") : summary;
            if (Text(form, "description") is { } description) pull.Description = description;
            if (form.ContainsKey("issueId")) pull.IssueId = Issue(form, s);
            if (form.ContainsKey("assigneeId")) pull.AssigneeId = Assignee(form, s);
            if (Text(form, "comment") is { Length: > 0 } comment) pull.Comments.Add(new StoredComment(s.NextCommentId++, 0, comment, [], Actor, s.Now(), s.Now()));
            pull.Updated = s.Now();
            return GitEndpoints.PullRequest(s, repo, pull);
        })));
        routes.Write("PATCH", PullRequests + "/{number}/comments/{comment}", (http, form, space) => Task.FromResult<JsonNode>(space.Write(s =>
        {
            var pull = GitEndpoints.Number(http, GitEndpoints.Repo(http, s));
            var id = NulabRoutes.Route(http, "comment");
            var index = pull.Comments.FindIndex(c => c.Id.ToString(CultureInfo.InvariantCulture) == id);
            if (index < 0) throw NulabApiException.NotFound("No comment.");
            if (pull.Comments[index].CreatedUserId != Actor) throw new NulabApiException(403, 11, "You do not have permission to edit this comment.");
            var content = Text(form, "content");
            if (string.IsNullOrWhiteSpace(content)) throw NulabApiException.Invalid("Please input a comment.");
            pull.Comments[index] = pull.Comments[index] with { Content = content, Updated = s.Now() };
            return GitEndpoints.PullRequestComment(s, pull.Comments[index]);
        })));
        routes.Write("POST", PullRequests + "/{number}/comments", (http, form, space) => Task.FromResult<JsonNode>(space.Write(s =>
        {
            var pull = GitEndpoints.Number(http, GitEndpoints.Repo(http, s));
            var content = Text(form, "content");
            if (string.IsNullOrWhiteSpace(content)) throw NulabApiException.Invalid("Please input a comment.");
            var now = s.Now();
            var comment = new StoredComment(s.NextCommentId++, 0, content, [], Actor, now, now);
            pull.Comments.Add(comment);
            return GitEndpoints.PullRequestComment(s, comment);
        })));

        routes.Write("PATCH", "/watchings/{watching}", (http, form, space) => Task.FromResult<JsonNode>(space.Write(s =>
        {
            var index = WatchingIndex(http, s);
            s.Watchings[index] = s.Watchings[index] with { Note = Text(form, "note") ?? "" };
            return InboxEndpoints.Watching(s, s.Watchings[index]);
        })));
        routes.Write("POST", "/watchings/{watching}/markAsRead", (http, _, space) => Task.FromResult<JsonNode>(space.Write(s =>
        {
            s.Watchings[WatchingIndex(http, s)].ResourceAlreadyRead = true;
            return NoContent(http);
        })));
        routes.Write("POST", "/notifications/markAsRead", (_, _, space) => Task.FromResult<JsonNode>(space.Write(s =>
        {
            var unread = s.Notifications.Count(n => n.UserId == Actor && !n.AlreadyRead);
            foreach (var n in s.Notifications.Where(n => n.UserId == Actor)) n.AlreadyRead = true;
            return new JsonObject { ["count"] = unread };
        })));
        routes.Write("POST", "/notifications/{notification}/markAsRead", (http, _, space) => Task.FromResult<JsonNode>(space.Write(s =>
        {
            var id = NulabRoutes.Route(http, "notification");
            var notification = s.Notifications.Find(n => n.UserId == Actor && n.Id.ToString(CultureInfo.InvariantCulture) == id) ?? throw NulabApiException.NotFound("No notification.");
            notification.AlreadyRead = true;
            return NoContent(http);
        })));

        routes.Write("POST", "/watchings", (_, form, space) => Task.FromResult<JsonNode>(space.Write(s =>
        {
            var issue = s.FindIssue(Text(form, "issueIdOrKey") ?? throw NulabApiException.Invalid("Please specify issueIdOrKey.")) ?? throw NulabApiException.NotFound("No issue.");
            if (s.Watchings.Exists(w => w.UserId == Actor && w.IssueId == issue.Id)) throw NulabApiException.Invalid("You are already watching this issue.");
            var watching = new StoredWatching(s.Watchings.Count == 0 ? 2001 : s.Watchings.Max(w => w.Id) + 1, Actor, issue.Id, Text(form, "note") ?? "", s.Now()) { ResourceAlreadyRead = true };
            s.Watchings.Add(watching);
            return InboxEndpoints.Watching(s, watching);
        })));
        routes.Write("DELETE", "/watchings/{watching}", (http, _, space) => Task.FromResult<JsonNode>(space.Write(s =>
        {
            var id = NulabRoutes.Route(http, "watching");
            var watching = s.Watchings.Find(w => w.Id.ToString(CultureInfo.InvariantCulture) == id) ?? throw NulabApiException.NotFound("No watching.");
            s.Watchings.Remove(watching);
            return InboxEndpoints.Watching(s, watching);
        })));
    }

    private const string PullRequests = "/projects/{project}/git/repositories/{repo}/pullRequests";

    private static int? Issue(Microsoft.AspNetCore.Http.IFormCollection form, SpaceState space) =>
        Int(form, "issueId") is { } id ? (space.Issues.Exists(i => i.Id == id) ? id : throw NulabApiException.Invalid($"No issue {id}.")) : null;

    private static int? Assignee(Microsoft.AspNetCore.Http.IFormCollection form, SpaceState space) =>
        Int(form, "assigneeId") is { } id ? (space.Users.Exists(u => u.Id == id) ? id : throw NulabApiException.Invalid($"No user {id}.")) : null;

    private static int WatchingIndex(Microsoft.AspNetCore.Http.HttpContext http, SpaceState space)
    {
        var id = NulabRoutes.Route(http, "watching");
        var index = space.Watchings.FindIndex(w => w.Id.ToString(CultureInfo.InvariantCulture) == id);
        return index >= 0 ? index : throw NulabApiException.NotFound("No watching.");
    }

    /// <summary>Backlog's 204 for a mark-as-read: the status is set here, the body left empty by the route.</summary>
    private static JsonNode NoContent(Microsoft.AspNetCore.Http.HttpContext http)
    {
        http.Items[NulabRoutes.NoContentKey] = true;
        return new JsonObject();
    }

    /// <summary>The issue and the index of its comment; only its author may change it (Backlog answers 403 otherwise).</summary>
    private static (StoredIssue Issue, int Index) Comment(Microsoft.AspNetCore.Http.HttpContext http, SpaceState space)
    {
        var issue = ReadEndpoints.Issue(http, space);
        var id = NulabRoutes.Route(http, "comment");
        var index = issue.Comments.FindIndex(c => c.Id.ToString(CultureInfo.InvariantCulture) == id);
        if (index < 0) throw NulabApiException.NotFound("No comment.");
        if (issue.Comments[index].CreatedUserId != Actor) throw new NulabApiException(403, 11, "You do not have permission to edit or delete this comment.");
        return (issue, index);
    }

    private static JsonObject Wiki(SpaceState space, StoredWiki wiki) => new()
    {
        ["id"] = wiki.Id, ["projectId"] = wiki.ProjectId, ["name"] = wiki.Name, ["content"] = wiki.Content, ["tags"] = new JsonArray(), ["attachments"] = new JsonArray(),
        ["sharedFiles"] = new JsonArray(), ["stars"] = new JsonArray(),
        ["createdUser"] = NulabJson.User(space.User(wiki.CreatedUserId)), ["created"] = NulabJson.Time(wiki.Created),
        ["updatedUser"] = NulabJson.User(space.User(wiki.UpdatedUserId)), ["updated"] = NulabJson.Time(wiki.Updated),
    };
}
