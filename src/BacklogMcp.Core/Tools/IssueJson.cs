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
    }, "id", "issueKey", "url");
}
