using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;

namespace BacklogMcp.Core.Tools;

/// <summary>The structured form of an issue in tool results (ids and names side by side, dates as Backlog sent them).</summary>
public static class IssueJson
{
    public static JsonObject Of(NulabIssue issue, string url) => new()
    {
        ["id"] = issue.Id,
        ["issueKey"] = issue.IssueKey,
        ["url"] = url,
        ["summary"] = issue.Summary,
        ["issueType"] = issue.IssueType?.Name,
        ["status"] = issue.Status?.Name,
        ["statusId"] = issue.Status?.Id,
        ["priority"] = issue.Priority?.Name,
        ["priorityId"] = issue.Priority?.Id,
        ["resolution"] = issue.Resolution?.Name,
        ["assignee"] = issue.Assignee?.Name,
        ["assigneeId"] = issue.Assignee?.Id,
        ["reporter"] = issue.CreatedUser?.Name,
        ["categories"] = Names(issue.Category?.Select(c => c.Name)),
        ["versions"] = Names(issue.Versions?.Select(v => v.Name)),
        ["milestones"] = Names(issue.Milestone?.Select(v => v.Name)),
        ["startDate"] = issue.StartDate,
        ["dueDate"] = issue.DueDate,
        ["estimatedHours"] = issue.EstimatedHours,
        ["actualHours"] = issue.ActualHours,
        ["parentIssueId"] = issue.ParentIssueId,
        ["created"] = issue.Created,
        ["updated"] = issue.Updated,
    };

    public static JsonObject WithDescription(NulabIssue issue, string url)
    {
        var json = Of(issue, url);
        json["description"] = issue.Description;
        json["attachmentCount"] = issue.Attachments?.Count ?? 0;
        return json;
    }

    public static JsonArray Names(IEnumerable<string?>? names) => new([.. (names ?? []).Where(n => n is not null).Select(n => (JsonNode)n!)]);

    public static JsonObject Schema() => Tools.Schema.Output(new JsonObject
    {
        ["id"] = Tools.Schema.Type("integer"),
        ["issueKey"] = Tools.Schema.Type("string"),
        ["url"] = Tools.Schema.Type("string"),
        ["summary"] = Tools.Schema.Nullable("string"),
        ["issueType"] = Tools.Schema.Nullable("string"),
        ["status"] = Tools.Schema.Nullable("string"),
        ["statusId"] = Tools.Schema.Nullable("integer"),
        ["priority"] = Tools.Schema.Nullable("string"),
        ["assignee"] = Tools.Schema.Nullable("string"),
        ["assigneeId"] = Tools.Schema.Nullable("integer"),
        ["categories"] = Tools.Schema.ArrayOf(Tools.Schema.Type("string")),
        ["milestones"] = Tools.Schema.ArrayOf(Tools.Schema.Type("string")),
        ["startDate"] = Tools.Schema.Nullable("string"),
        ["dueDate"] = Tools.Schema.Nullable("string"),
        ["parentIssueId"] = Tools.Schema.Nullable("integer"),
        ["created"] = Tools.Schema.Nullable("string"),
        ["updated"] = Tools.Schema.Nullable("string"),
    }, "issueKey");

    /// <summary>The fields an answer may be narrowed to (the <c>fields</c> argument); the issue key always stays.</summary>
    public static IReadOnlyList<string> Selectable { get; } =
        ["id", "url", "summary", "issueType", "status", "statusId", "priority", "priorityId", "resolution", "assignee", "assigneeId", "reporter",
         "categories", "versions", "milestones", "startDate", "dueDate", "estimatedHours", "actualHours", "parentIssueId", "created", "updated"];

    public static JsonObject FieldsSchema() => new()
    {
        ["type"] = "array",
        ["items"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. Selectable.Select(f => (JsonNode)f)]) },
        ["description"] = "Only these fields of each issue (the key always stays), to keep a long list small, e.g. [\"summary\", \"status\", \"assignee\"]. Default: every field.",
    };

    /// <summary>The fields named in the <c>fields</c> argument, or null for all; an unknown name is refused with the list.</summary>
    public static IReadOnlyList<string>? ReadFields(ToolArgs args)
    {
        var (ids, names) = args.IdsOrNames("fields");
        if (ids.Count > 0) throw ToolArgs.Invalid($"fields are names, not numbers; choose among {string.Join(", ", Selectable)}.");
        if (names.Count == 0) return null;
        foreach (var name in names.Where(n => !Selectable.Contains(n, StringComparer.Ordinal)))
            throw ToolArgs.Invalid($"fields: '{name}' is not an issue field; choose among {string.Join(", ", Selectable)}.");
        return names;
    }

    /// <summary><paramref name="issue"/> narrowed to <paramref name="fields"/> (and its key).</summary>
    public static JsonObject Narrow(JsonObject issue, IReadOnlyList<string>? fields)
    {
        if (fields is null) return issue;
        var narrowed = new JsonObject { ["issueKey"] = issue["issueKey"]?.DeepClone() };
        foreach (var field in fields) narrowed[field] = issue[field]?.DeepClone();
        return narrowed;
    }
}
