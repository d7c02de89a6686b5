using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sandbox.Nulab.State;
using static Sandbox.Nulab.Http.WriteEndpoints;

namespace Sandbox.Nulab.Http;

/// <summary>Adding, editing and deleting a project (docs/reference/nulab-backlog.md §2.11): a new project gets Backlog's
/// default statuses and issue types and the API key's user as its member; a key is upper-case letters, digits and
/// underscores, starting with a letter, at most 10 characters, unique in the space. Deleting a project takes its issues
/// and wiki pages with it. Each answers the project as written, a deletion as it was.</summary>
internal static partial class ProjectWriteEndpoints
{
    private const int Actor = 1;

    public static void Map(NulabRoutes routes)
    {
        routes.Write("POST", "/projects", (_, form, space) => Task.FromResult<JsonNode>(space.Write(s =>
        {
            var key = Key(form, s, null);
            var name = Name(form);
            var rule = Text(form, "textFormattingRule") is { Length: > 0 } r ? Rule(r) : "markdown";
            var id = s.Projects.Max(p => p.Id) + 1;
            var project = SpaceSeed.Project(id, key, name, rule, false, ["Open", "In Progress", "Resolved", "Closed"], null, ["Bug", "Task", "Request", "Other"], [], [Actor]);
            s.Projects.Add(project);
            return NulabJson.Project(project);
        })));
        routes.Write("PATCH", "/projects/{project}", (http, form, space) => Task.FromResult<JsonNode>(space.Write(s =>
        {
            var project = s.FindProject(NulabRoutes.Route(http, "project")) ?? throw NulabApiException.NotFound("No project.");
            if (form.ContainsKey("key")) project.Key = Key(form, s, project.Id);
            if (form.ContainsKey("name")) project.Name = Name(form);
            if (Text(form, "textFormattingRule") is { Length: > 0 } rule) project.TextFormattingRule = Rule(rule);
            if (Text(form, "archived") is { } archived) project.Archived = archived == "true";
            return NulabJson.Project(project);
        })));
        routes.Write("DELETE", "/projects/{project}", (http, _, space) => Task.FromResult<JsonNode>(space.Write(s =>
        {
            var project = s.FindProject(NulabRoutes.Route(http, "project")) ?? throw NulabApiException.NotFound("No project.");
            var answer = NulabJson.Project(project);
            var issues = s.Issues.Where(i => i.ProjectId == project.Id).Select(i => i.Id).ToHashSet();
            s.Issues.RemoveAll(i => issues.Contains(i.Id));
            s.Relations.RemoveAll(r => issues.Contains(r.A) || issues.Contains(r.B));
            s.Watchings.RemoveAll(w => issues.Contains(w.IssueId));
            s.Wikis.RemoveAll(w => w.ProjectId == project.Id);
            s.Projects.Remove(project);
            return answer;
        })));
    }

    private static string Key(Microsoft.AspNetCore.Http.IFormCollection form, SpaceState s, int? self)
    {
        var key = Text(form, "key") ?? "";
        if (!ProjectKey().IsMatch(key)) throw NulabApiException.Invalid($"Project key '{key}' is not valid: upper-case letters, digits and underscores, starting with a letter, at most 10 characters.");
        if (s.Projects.Exists(p => p.Key == key && p.Id != self)) throw NulabApiException.Invalid($"Project key '{key}' is already used.");
        return key;
    }

    private static string Name(Microsoft.AspNetCore.Http.IFormCollection form) =>
        Text(form, "name") is { } name && !string.IsNullOrWhiteSpace(name) ? name : throw NulabApiException.Invalid("Please input a project name.");

    private static string Rule(string rule) => rule is "markdown" or "backlog" ? rule : throw NulabApiException.Invalid($"textFormattingRule must be markdown or backlog, not '{rule}'.");

    [GeneratedRegex("^[A-Z][A-Z0-9_]{0,9}$")]
    private static partial Regex ProjectKey();
}
