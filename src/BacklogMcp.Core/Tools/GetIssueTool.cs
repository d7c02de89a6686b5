using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Errors;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_get_issue (docs/reference/nulab-backlog.md §1.6.2).</summary>
public sealed class GetIssueTool : NulabTool
{
    public override string Name => "backlog_get_issue";

    public override string Title => "Get a Backlog issue";

    public override string Description =>
        "Get one Backlog issue by key (e.g. \"PROJ-123\") or numeric id, with all its details and description. "
        + "Comments come from backlog_get_comments, files from backlog_get_attachments.";

    public override JsonObject InputSchema => Schema.Input(new JsonObject
    {
        ["issueIdOrKey"] = Schema.Text("Issue key such as \"PROJ-123\", or the numeric issue id.", 1),
    }, "issueIdOrKey");

    public override JsonObject OutputSchema => Schema.Output(new JsonObject { ["issue"] = IssueJson.Schema() }, "issue");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var issue = await FetchAsync(context, args.RequiredString("issueIdOrKey"), cancellationToken);
        var url = context.IssueUrl(issue.IssueKey);
        return new ToolOutput(Render(issue, url), new JsonObject { ["issue"] = IssueJson.WithDescription(issue, url) });
    }

    public static async Task<NulabIssue> FetchAsync(ToolContext context, string issueIdOrKey, CancellationToken cancellationToken)
    {
        var issue = await context.Api.GetAsync($"/api/v2/issues/{ToolContext.Segment(issueIdOrKey)}", null, NulabJsonContext.Default.NulabIssue, cancellationToken);
        return issue.IssueKey is { Length: > 0 } ? issue
            : throw new BacklogMcpException(ErrorCode.BacklogResponseError, $"Unexpected issue response shape for {issueIdOrKey}: no issueKey. Check BACKLOG_BASE_URL points at a Backlog space.");
    }

    private static string Render(NulabIssue issue, string url)
    {
        var key = issue.IssueKey!;
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"# [{key}] {issue.Summary ?? "(no summary)"}\n\n**URL:** {url}\n\n## Details\n\n");
        var details = new MarkdownTable("Field", "Value")
            .Row("**Type**", issue.IssueType?.Name ?? "Unknown")
            .Row("**Status**", issue.Status?.Name ?? "Unknown");
        if (issue.Resolution is { } resolution) details.Row("**Resolution**", resolution.Name);
        details.Row("**Priority**", NulabFormat.OrNone(issue.Priority?.Name));
        if (issue.ParentIssueId is > 0) details.Row("**Parent Issue ID**", issue.ParentIssueId.Value.ToString(CultureInfo.InvariantCulture));
        if (issue.Category is { Count: > 0 } categories) details.Row("**Categories**", NulabFormat.Join(categories.Select(c => c.Name)));
        if (issue.Versions is { Count: > 0 } versions) details.Row("**Versions**", NulabFormat.Join(versions.Select(v => v.Name)));
        if (issue.Milestone is { Count: > 0 } milestones) details.Row("**Milestones**", NulabFormat.Join(milestones.Select(m => m.Name)));
        text.Append(details).Append("\n\n## People\n\n");
        text.Append(new MarkdownTable("Role", "Name").Row("**Assignee**", issue.Assignee?.Name ?? "Unassigned").Row("**Reporter**", NulabFormat.OrNone(issue.CreatedUser?.Name)));
        text.Append("\n\n## Dates\n\n");
        var dates = new MarkdownTable("Field", "Value").Row("**Created**", NulabFormat.Date(issue.Created)).Row("**Updated**", NulabFormat.Date(issue.Updated));
        if (issue.StartDate is { Length: > 0 } start) dates.Row("**Start Date**", NulabFormat.Day(start));
        if (issue.DueDate is { Length: > 0 } due) dates.Row("**Due Date**", NulabFormat.Day(due));
        text.Append(dates);
        if (issue.EstimatedHours is not null || issue.ActualHours is not null)
            text.Append("\n\n## Time\n\n").Append(new MarkdownTable("Field", "Value").Row("**Estimated**", NulabFormat.Hours(issue.EstimatedHours)).Row("**Actual**", NulabFormat.Hours(issue.ActualHours)));
        if (issue.CustomFields?.Where(c => c.Shown.Length > 0).ToList() is { Count: > 0 } custom)
        {
            var fields = new MarkdownTable("Field", "Value");
            foreach (var field in custom) fields.Row($"**{field.Name}**", field.Shown);
            text.Append("\n\n## Custom Fields\n\n").Append(fields);
        }
        text.Append("\n\n## Description\n\n").Append(string.IsNullOrEmpty(issue.Description) ? "_No description provided._" : issue.Description);
        var quoted = NextHints.Quote(key);
        text.Append(NextHints.Block(
            ($"backlog_get_comments(issueIdOrKey: {quoted})", "read the discussion and change history"),
            ($"backlog_get_attachments(issueIdOrKey: {quoted})", "list attached files"),
            ($"backlog_export_issue_context(issueIdOrKey: {quoted})", "export issue, comments and attachments as one bundle")));
        return text.ToString();
    }
}
