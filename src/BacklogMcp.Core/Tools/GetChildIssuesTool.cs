using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_get_child_issues: an issue's parent (when it is a child) and its child issues, which Backlog links
/// through <c>parentIssueId</c> (docs/backlog-mcp.md); up to 100 children, the count said when there are more.</summary>
public sealed class GetChildIssuesTool : NulabTool
{
    public override string Name => "backlog_get_child_issues";

    public override string Title => "An issue's parent and children";

    public override string Description => "Show an issue's parent issue (when it is a child issue) and its child issues (up to 100, with the total).";

    public override JsonObject InputSchema => Schema.Input(new JsonObject { ["issueIdOrKey"] = Schema.Text("Issue key such as \"PROJ-123\", or the numeric issue id.", 1) }, "issueIdOrKey");

    public override JsonObject OutputSchema => Schema.Output(new JsonObject
    {
        ["issueKey"] = Schema.Type("string"),
        ["parent"] = new JsonObject { ["anyOf"] = new JsonArray(IssueJson.Schema(), Schema.Type("null")) },
        ["children"] = Schema.ArrayOf(IssueJson.Schema()),
        ["total"] = Schema.Type("integer"),
    }, "issueKey", "parent", "children", "total");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var reference = args.RequiredString("issueIdOrKey").Trim();
        var issue = await context.Api.GetAsync($"/api/v2/issues/{ToolContext.Segment(reference)}", null, NulabJsonContext.Default.NulabIssue, cancellationToken);
        var filter = new NulabQuery().AddArray("parentIssueId", [issue.Id]);
        var childrenTask = context.Api.GetAsync("/api/v2/issues", new NulabQuery().AddArray("parentIssueId", [issue.Id]).Add("count", 100).Add("order", "asc").Add("sort", "created"),
            NulabJsonContext.Default.ListNulabIssue, cancellationToken);
        var totalTask = context.Api.GetAsync("/api/v2/issues/count", filter, NulabJsonContext.Default.NulabCount, cancellationToken);
        var parentTask = issue.ParentIssueId is { } parentId
            ? context.Api.GetAsync($"/api/v2/issues/{parentId}", null, NulabJsonContext.Default.NulabIssue, cancellationToken)
            : Task.FromResult<NulabIssue>(null!);
        var (children, total, parent) = (await childrenTask, (await totalTask).Count, issue.ParentIssueId is null ? null : await parentTask);
        var structured = new JsonObject
        {
            ["issueKey"] = issue.IssueKey,
            ["parent"] = parent is null ? null : IssueJson.Of(parent, context.IssueUrl(parent.IssueKey)),
            ["children"] = new JsonArray([.. children.Select(c => (JsonNode)IssueJson.Of(c, context.IssueUrl(c.IssueKey)))]),
            ["total"] = total,
        };
        var text = $"# {issue.IssueKey} — {issue.Summary}\n\n**Parent:** {(parent is null ? "none (a top-level issue)" : $"{parent.IssueKey} {parent.Summary}")}\n**Children:** {total}\n\n";
        if (children.Count > 0)
        {
            var table = new MarkdownTable("Key", "Summary", "Status", "Assignee");
            foreach (var c in children) table.Row(c.IssueKey, c.Summary, NulabFormat.OrNone(c.Status?.Name), c.Assignee?.Name ?? "Unassigned");
            text += table + (total > children.Count ? $"\n\n_{total - children.Count} more: backlog_get_issue_list with parentChild 2 and the project lists them all._" : "");
        }
        return new ToolOutput(text, structured);
    }
}
