using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Sandbox.Nulab.Model;
using Sandbox.Nulab.State;
using static Sandbox.Nulab.Http.WriteEndpoints;

namespace Sandbox.Nulab.Http;

/// <summary>Related issues (GET, POST <c>targetIssueId</c>, DELETE; undirected, type RELATES, as backlog-js types them),
/// deleting an issue, and adding, editing and deleting a version/milestone (docs/reference/nulab-backlog.md §2.11).
/// Each answers the entity as written, a deletion as it was.</summary>
internal static class IssueStructureEndpoints
{
    public static void Map(NulabRoutes routes)
    {
        routes.Get("/issues/{issue}/relatedIssues", (http, _, s) =>
        {
            var issue = Find(http, s, "issue");
            return new JsonArray([.. Related(s, issue.Id).Select(id => (JsonNode)Relation(s, s.Issues.First(i => i.Id == id)))]);
        });
        routes.Write("POST", "/issues/{issue}/relatedIssues", (http, form, space) => Task.FromResult<JsonNode>(space.Write(s =>
        {
            var issue = Find(http, s, "issue");
            var targetId = Int(form, "targetIssueId") ?? throw NulabApiException.Invalid("Please specify targetIssueId.");
            var target = s.Issues.Find(i => i.Id == targetId) ?? throw NulabApiException.Invalid($"No issue {targetId}.");
            if (target.Id == issue.Id) throw NulabApiException.Invalid("An issue cannot be related to itself.");
            if (Related(s, issue.Id).Contains(target.Id)) throw NulabApiException.Invalid("These issues are already related.");
            s.Relations.Add((issue.Id, target.Id));
            return Relation(s, target);
        })));
        routes.Write("DELETE", "/issues/{issue}/relatedIssues/{related}", (http, _, space) => Task.FromResult<JsonNode>(space.Write(s =>
        {
            var issue = Find(http, s, "issue");
            var relatedId = int.TryParse(NulabRoutes.Route(http, "related"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
            var removed = s.Relations.RemoveAll(r => (r.A == issue.Id && r.B == relatedId) || (r.B == issue.Id && r.A == relatedId));
            if (removed == 0) throw NulabApiException.NotFound("No related issue.");
            return Relation(s, s.Issues.First(i => i.Id == relatedId));
        })));

        routes.Write("DELETE", "/issues/{issue}", (http, _, space) => Task.FromResult<JsonNode>(space.Write(s =>
        {
            var issue = Find(http, s, "issue");
            var answer = NulabJson.Issue(s, issue);
            s.Issues.Remove(issue);
            s.Relations.RemoveAll(r => r.A == issue.Id || r.B == issue.Id);
            s.Watchings.RemoveAll(w => w.IssueId == issue.Id);
            return answer;
        })));

        routes.Write("POST", "/projects/{project}/versions", (http, form, space) => Task.FromResult<JsonNode>(space.Write(s =>
        {
            var project = Project(http, s);
            var name = Name(form, project, null);
            var version = new StoredVersion(project.Versions.Count == 0 ? project.Id * 100 + 1 : project.Versions.Max(v => v.Id) + 1, project.Id, name,
                Text(form, "description"), Day(form, "startDate"), Day(form, "releaseDueDate"), false, project.Versions.Count);
            project.Versions.Add(version);
            return NulabJson.Version(version);
        })));
        routes.Write("PATCH", "/projects/{project}/versions/{version}", (http, form, space) => Task.FromResult<JsonNode>(space.Write(s =>
        {
            var project = Project(http, s);
            var index = VersionIndex(http, project);
            var old = project.Versions[index];
            project.Versions[index] = old with
            {
                Name = Name(form, project, old.Id),
                Description = Text(form, "description") ?? old.Description,
                StartDate = form.ContainsKey("startDate") ? Day(form, "startDate") : old.StartDate,
                ReleaseDueDate = form.ContainsKey("releaseDueDate") ? Day(form, "releaseDueDate") : old.ReleaseDueDate,
                Archived = Text(form, "archived") is { } archived ? archived == "true" : old.Archived,
            };
            return NulabJson.Version(project.Versions[index]);
        })));
        routes.Write("DELETE", "/projects/{project}/versions/{version}", (http, _, space) => Task.FromResult<JsonNode>(space.Write(s =>
        {
            var project = Project(http, s);
            var version = project.Versions[VersionIndex(http, project)];
            project.Versions.Remove(version);
            foreach (var issue in s.Issues.Where(i => i.ProjectId == project.Id))
            {
                issue.VersionIds.Remove(version.Id);
                issue.MilestoneIds.Remove(version.Id);
            }
            return NulabJson.Version(version);
        })));
    }

    private static IEnumerable<int> Related(SpaceState s, int id) =>
        s.Relations.Where(r => r.A == id || r.B == id).Select(r => r.A == id ? r.B : r.A).Where(other => s.Issues.Exists(i => i.Id == other));

    private static JsonObject Relation(SpaceState s, StoredIssue issue)
    {
        var json = NulabJson.Issue(s, issue);
        json["type"] = "RELATES";
        return json;
    }

    private static StoredIssue Find(HttpContext http, SpaceState s, string name) =>
        s.FindIssue(NulabRoutes.Route(http, name)) ?? throw NulabApiException.NotFound("No issue.");

    private static StoredProject Project(HttpContext http, SpaceState s) =>
        s.FindProject(NulabRoutes.Route(http, "project")) ?? throw NulabApiException.NotFound("No project.");

    private static int VersionIndex(HttpContext http, StoredProject project)
    {
        var id = NulabRoutes.Route(http, "version");
        var index = project.Versions.FindIndex(v => v.Id.ToString(CultureInfo.InvariantCulture) == id);
        return index >= 0 ? index : throw NulabApiException.NotFound("No version.");
    }

    /// <summary>A version's name: required, and unique in its project (Backlog refuses a second one of a name).</summary>
    private static string Name(IFormCollection form, StoredProject project, int? self)
    {
        var name = Text(form, "name");
        if (string.IsNullOrWhiteSpace(name)) throw NulabApiException.Invalid("Please input a version name.");
        if (project.Versions.Exists(v => v.Name == name && v.Id != self)) throw NulabApiException.Invalid($"The version '{name}' already exists.");
        return name;
    }

    private static DateTimeOffset? Day(IFormCollection form, string name) => WriteEndpoints.Day(Text(form, name), name);
}
