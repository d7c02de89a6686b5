using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Sandbox.Nulab.Model;
using Sandbox.Nulab.State;

namespace Sandbox.Nulab.Http;

/// <summary>The three writes backlog-mcp offers when writes are enabled: add an issue, update one (with a comment
/// recording the change log), add a comment. Bodies are form-encoded with Backlog's <c>name[]</c> arrays.</summary>
internal static class WriteEndpoints
{
    private const int Actor = 1;

    public static void Map(NulabRoutes routes)
    {
        routes.Write("POST", "/issues", (_, form, space) => Task.FromResult<JsonNode>(space.Write(s =>
        {
            var project = s.FindProject(Text(form, "projectId") ?? throw NulabApiException.Invalid("Please specify projectId."))
                ?? throw NulabApiException.NotFound("No project.");
            var summary = Text(form, "summary");
            if (string.IsNullOrWhiteSpace(summary)) throw NulabApiException.Invalid("Please input a summary.");
            var typeId = Int(form, "issueTypeId") ?? throw NulabApiException.Invalid("Please specify issueTypeId.");
            if (!project.IssueTypes.Exists(t => t.Id == typeId)) throw NulabApiException.Invalid($"No issue type {typeId} in project {project.Key}.");
            var priorityId = Int(form, "priorityId") ?? throw NulabApiException.Invalid("Please specify priorityId.");
            var now = s.Now();
            var issue = new StoredIssue
            {
                Id = s.NextIssueId++,
                ProjectId = project.Id,
                KeyId = project.NextKeyId,
                IssueKey = $"{project.Key}-{project.NextKeyId++}",
                IssueTypeId = typeId,
                Summary = summary,
                StatusId = 1,
                CreatedUserId = Actor,
                Created = now,
                UpdatedUserId = Actor,
                Updated = now,
            };
            Apply(s, project, issue, form, priorityId);
            s.Issues.Add(issue);
            return NulabJson.Issue(s, issue);
        })));

        routes.Write("PATCH", "/issues/{issue}", (http, form, space) => Task.FromResult<JsonNode>(space.Write(s =>
        {
            var issue = ReadEndpoints.Issue(http, s);
            var project = s.ProjectOf(issue);
            var before = NulabJson.Issue(s, issue);
            if (Text(form, "summary") is { } summary)
            {
                if (string.IsNullOrWhiteSpace(summary)) throw NulabApiException.Invalid("Please input a summary.");
                issue.Summary = summary;
            }
            if (Int(form, "statusId") is { } statusId)
                issue.StatusId = project.Statuses.Exists(x => x.Id == statusId) ? statusId : throw NulabApiException.Invalid($"No status {statusId} in project {project.Key}.");
            if (Int(form, "resolutionId") is { } resolutionId)
                issue.ResolutionId = s.Resolutions.Exists(x => x.Id == resolutionId) ? resolutionId : throw NulabApiException.Invalid($"No resolution {resolutionId}.");
            if (Int(form, "issueTypeId") is { } typeId)
                issue.IssueTypeId = project.IssueTypes.Exists(t => t.Id == typeId) ? typeId : throw NulabApiException.Invalid($"No issue type {typeId} in project {project.Key}.");
            Apply(s, project, issue, form, Int(form, "priorityId"));
            var changes = Changes(before, NulabJson.Issue(s, issue));
            var comment = Text(form, "comment");
            if (changes.Count > 0 || !string.IsNullOrWhiteSpace(comment))
            {
                var now = s.Now();
                issue.Comments.Add(new StoredComment(s.NextCommentId++, issue.Id, string.IsNullOrWhiteSpace(comment) ? null : comment, changes, Actor, now, now));
                issue.Updated = now;
                issue.UpdatedUserId = Actor;
            }
            return NulabJson.Issue(s, issue);
        })));

        routes.Write("POST", "/issues/{issue}/comments", (http, form, space) => Task.FromResult<JsonNode>(space.Write(s =>
        {
            var issue = ReadEndpoints.Issue(http, s);
            var content = Text(form, "content");
            if (string.IsNullOrWhiteSpace(content)) throw NulabApiException.Invalid("Please input a comment.");
            var now = s.Now();
            var comment = new StoredComment(s.NextCommentId++, issue.Id, content, [], Actor, now, now);
            issue.Comments.Add(comment);
            issue.Updated = now;
            issue.UpdatedUserId = Actor;
            return NulabJson.Comment(s, issue, comment);
        })));
    }

    private static void Apply(SpaceState space, StoredProject project, StoredIssue issue, IFormCollection form, int? priorityId)
    {
        if (priorityId is { } p) issue.PriorityId = space.Priorities.Exists(x => x.Id == p) ? p : throw NulabApiException.Invalid($"No priority {p}.");
        if (form.ContainsKey("description")) issue.Description = Text(form, "description");
        if (Text(form, "assigneeId") is { } assignee)
            issue.AssigneeId = assignee.Length == 0 ? null
                : int.TryParse(assignee, CultureInfo.InvariantCulture, out var a) && project.MemberIds.Contains(a) ? a
                : throw NulabApiException.Invalid($"User {assignee} is not a member of project {project.Key}.");
        if (Text(form, "parentIssueId") is { Length: > 0 } parent)
            issue.ParentIssueId = int.TryParse(parent, CultureInfo.InvariantCulture, out var id) && space.Issues.Exists(i => i.Id == id && i.ProjectId == project.Id) ? id
                : throw NulabApiException.Invalid($"No parent issue {parent} in project {project.Key}.");
        if (form.ContainsKey("startDate")) issue.StartDate = Date(form, "startDate");
        if (form.ContainsKey("dueDate")) issue.DueDate = Date(form, "dueDate");
        if (form.ContainsKey("estimatedHours")) issue.EstimatedHours = Decimal(form, "estimatedHours");
        if (form.ContainsKey("actualHours")) issue.ActualHours = Decimal(form, "actualHours");
        if (form.ContainsKey("categoryId[]")) issue.CategoryIds = Ids(form, "categoryId", id => project.Categories.Exists(c => c.Id == id));
        if (form.ContainsKey("versionId[]")) issue.VersionIds = Ids(form, "versionId", id => project.Versions.Exists(v => v.Id == id));
        if (form.ContainsKey("milestoneId[]")) issue.MilestoneIds = Ids(form, "milestoneId", id => project.Versions.Exists(v => v.Id == id));
    }

    /// <summary>The change log Backlog records for an update, field by field.</summary>
    private static List<StoredChange> Changes(JsonObject before, JsonObject after)
    {
        var changes = new List<StoredChange>();
        foreach (var (field, apiName) in new[] { ("summary", "summary"), ("description", "description"), ("status", "status"), ("resolution", "resolution"), ("priority", "priority"), ("assigner", "assignee"), ("issueType", "issueType"), ("limitDate", "dueDate"), ("startDate", "startDate") })
        {
            var old = Display(before[apiName]);
            var now = Display(after[apiName]);
            if (old != now) changes.Add(new StoredChange(field, old, now));
        }
        return changes;
    }

    private static string? Display(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o["name"]?.GetValue<string>(),
        _ => node.GetValue<string>() is var text && text.EndsWith("T00:00:00Z", StringComparison.Ordinal) ? text[..10] : node.GetValue<string>(),
    };

    /// <summary>A day as Backlog takes it (<c>yyyy-MM-dd</c>, midnight UTC); empty: none; anything else: 400.</summary>
    internal static DateTimeOffset? Day(string? text, string name) => text switch
    {
        null or "" => null,
        _ when DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var day) => day,
        _ => throw NulabApiException.Invalid($"{name} '{text}' is not a date (yyyy-MM-dd)."),
    };

    internal static string? Text(IFormCollection form, string name) => form.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    internal static int? Int(IFormCollection form, string name) => Text(form, name) is { Length: > 0 } text
        ? int.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : throw NulabApiException.Invalid($"Invalid value for '{name}': '{text}' is not a number.")
        : null;

    private static decimal? Decimal(IFormCollection form, string name) => Text(form, name) is { Length: > 0 } text
        ? decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : throw NulabApiException.Invalid($"Invalid value for '{name}': '{text}' is not a number.")
        : null;

    private static DateTimeOffset? Date(IFormCollection form, string name) => Text(form, name) is { Length: > 0 } text
        ? DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : throw NulabApiException.Invalid($"Invalid value for '{name}': '{text}' is not a date (yyyy-MM-dd).")
        : null;

    private static List<int> Ids(IFormCollection form, string name, Func<int, bool> exists) =>
        [.. form[name + "[]"].Where(v => !string.IsNullOrEmpty(v)).Select(v =>
            int.TryParse(v, CultureInfo.InvariantCulture, out var id) && exists(id) ? id : throw NulabApiException.Invalid($"Invalid value for '{name}[]': {v}."))];
}
