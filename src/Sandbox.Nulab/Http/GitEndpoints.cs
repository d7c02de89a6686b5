using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Sandbox.Nulab.Model;
using Sandbox.Nulab.State;

namespace Sandbox.Nulab.Http;

/// <summary>The Git reads of docs/reference/nulab-backlog.md §2.8, shaped as backlog-js types them: a project's
/// repositories (by id or name), their pull requests filtered by status with offset paging and a count, one pull request
/// by number, and its comments by id window.</summary>
internal static class GitEndpoints
{
    private const string Repositories = "/projects/{project}/git/repositories";

    public static void Map(NulabRoutes routes)
    {
        routes.Get(Repositories, (http, _, s) =>
        {
            var project = ReadEndpoints.Project(http, s);
            return new JsonArray([.. s.Repositories.Where(r => r.ProjectId == project.Id).OrderBy(r => r.DisplayOrder).Select(r => (JsonNode)Repository(s, r))]);
        });
        routes.Get(Repositories + "/{repo}", (http, _, s) => Repository(s, Repo(http, s)));
        routes.Get(Repositories + "/{repo}/pullRequests", (http, q, s) =>
        {
            var offset = q.Int("offset") ?? 0;
            var count = q.Int("count") ?? 20;
            if (count is < 1 or > 100) throw NulabApiException.Invalid("count must be between 1 and 100.");
            var repo = Repo(http, s);
            return new JsonArray([.. Filtered(repo, q).OrderByDescending(p => p.Number).Skip(offset).Take(count).Select(p => (JsonNode)PullRequest(s, repo, p))]);
        });
        routes.Get(Repositories + "/{repo}/pullRequests/count", (http, q, s) => new JsonObject { ["count"] = Filtered(Repo(http, s), q).Count() });
        routes.Get(Repositories + "/{repo}/pullRequests/{number}", (http, _, s) =>
        {
            var repo = Repo(http, s);
            return PullRequest(s, repo, Number(http, repo));
        });
        routes.Get(Repositories + "/{repo}/pullRequests/{number}/comments", (http, q, s) =>
        {
            var pull = Number(http, Repo(http, s));
            var count = q.Int("count") ?? 20;
            if (count is < 1 or > 100) throw NulabApiException.Invalid("count must be between 1 and 100.");
            var (minId, maxId) = (q.Int("minId"), q.Int("maxId"));
            var window = pull.Comments.Where(c => (minId is null || c.Id >= minId) && (maxId is null || c.Id <= maxId));
            window = q.Text("order") == "asc" ? window.OrderBy(c => c.Id) : window.OrderByDescending(c => c.Id);
            return new JsonArray([.. window.Take(count).Select(c => (JsonNode)PullRequestComment(s, c))]);
        });
    }

    /// <summary>The pull requests <c>statusId[]</c>, <c>assigneeId[]</c>, <c>createdUserId[]</c> and <c>issueId[]</c> keep.</summary>
    private static IEnumerable<StoredPullRequest> Filtered(StoredRepository repo, QueryReader query)
    {
        var statuses = query.Ints("statusId");
        var assignees = query.Ints("assigneeId");
        var creators = query.Ints("createdUserId");
        var issues = query.Ints("issueId");
        return repo.PullRequests.Where(p => (statuses.Count == 0 || statuses.Contains(p.StatusId))
            && (assignees.Count == 0 || (p.AssigneeId is { } a && assignees.Contains(a)))
            && (creators.Count == 0 || creators.Contains(p.CreatedUserId))
            && (issues.Count == 0 || (p.IssueId is { } i && issues.Contains(i))));
    }

    internal static StoredRepository Repo(HttpContext http, SpaceState space)
    {
        var project = ReadEndpoints.Project(http, space);
        var reference = NulabRoutes.Route(http, "repo");
        return space.Repositories.Find(r => r.ProjectId == project.Id && (r.Id.ToString(CultureInfo.InvariantCulture) == reference || r.Name == reference))
            ?? throw NulabApiException.NotFound("No repository.");
    }

    internal static StoredPullRequest Number(HttpContext http, StoredRepository repo) =>
        repo.PullRequests.Find(p => p.Number.ToString(CultureInfo.InvariantCulture) == NulabRoutes.Route(http, "number")) ?? throw NulabApiException.NotFound("No pull request.");

    private static JsonObject Repository(SpaceState space, StoredRepository repo)
    {
        var project = space.Projects.Find(p => p.Id == repo.ProjectId)!;
        return new JsonObject
        {
            ["id"] = repo.Id, ["projectId"] = repo.ProjectId, ["name"] = repo.Name, ["description"] = repo.Description, ["hookUrl"] = null,
            ["httpUrl"] = $"https://{space.SpaceKey}.backlog.com/git/{project.Key}/{repo.Name}.git",
            ["sshUrl"] = $"{space.SpaceKey}@{space.SpaceKey}.git.backlog.com:/{project.Key}/{repo.Name}.git",
            ["displayOrder"] = repo.DisplayOrder, ["pushedAt"] = repo.PushedAt is { } pushed ? NulabJson.Time(pushed) : null,
            ["createdUser"] = NulabJson.User(space.User(repo.CreatedUserId)), ["created"] = NulabJson.Time(repo.Created),
            ["updatedUser"] = NulabJson.User(space.User(repo.CreatedUserId)), ["updated"] = NulabJson.Time(repo.PushedAt ?? repo.Created),
        };
    }

    public static JsonObject PullRequestComment(SpaceState space, StoredComment comment) => new()
    {
        ["id"] = comment.Id, ["content"] = comment.Content, ["changeLog"] = new JsonArray(), ["createdUser"] = NulabJson.User(space.User(comment.CreatedUserId)),
        ["created"] = NulabJson.Time(comment.Created), ["updated"] = NulabJson.Time(comment.Updated), ["stars"] = new JsonArray(), ["notifications"] = new JsonArray(),
    };

    public static JsonObject PullRequest(SpaceState space, StoredRepository repo, StoredPullRequest pull)
    {
        var issue = pull.IssueId is { } id ? space.Issues.Find(i => i.Id == id) : null;
        return new JsonObject
        {
            ["id"] = pull.Id, ["projectId"] = repo.ProjectId, ["repositoryId"] = repo.Id, ["number"] = pull.Number, ["summary"] = pull.Summary,
            ["description"] = pull.Description, ["base"] = pull.Base, ["branch"] = pull.Branch,
            ["status"] = new JsonObject { ["id"] = pull.StatusId, ["name"] = StoredPullRequest.StatusName(pull.StatusId) },
            ["assignee"] = pull.AssigneeId is { } a ? NulabJson.User(space.User(a)) : null,
            ["issue"] = issue is null ? null : NulabJson.Issue(space, issue),
            ["baseCommit"] = null, ["branchCommit"] = null, ["closeAt"] = null, ["mergeAt"] = null,
            ["createdUser"] = NulabJson.User(space.User(pull.CreatedUserId)), ["created"] = NulabJson.Time(pull.Created),
            ["updatedUser"] = NulabJson.User(space.User(pull.CreatedUserId)), ["updated"] = NulabJson.Time(pull.Updated),
            ["attachments"] = new JsonArray(), ["stars"] = new JsonArray(),
        };
    }
}
