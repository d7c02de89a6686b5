using System.Globalization;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_update_issue: only when BACKLOG_ENABLE_WRITES=true. Status and priority may be given by name;
/// Backlog records the change log (and the optional comment) on the issue.</summary>
public sealed class UpdateIssueTool : NulabTool
{
    public override string Name => "backlog_update_issue";

    public override string Title => "Update a Backlog issue";

    public override string Description =>
        "Change an issue's summary, description, status (id or name, custom statuses included), resolution, assignee, priority or dates, "
        + "optionally with a comment explaining the change. Only the fields given change.";

    public override ToolHints Hints => new(ReadOnly: false, Destructive: true, Idempotent: true);

    public override JsonObject InputSchema => Schema.Input(new JsonObject
    {
        ["issueIdOrKey"] = Schema.Text("Issue key such as \"PROJ-123\", or the numeric issue id.", 1),
        ["summary"] = Schema.Text("New title."),
        ["description"] = Schema.Text("New body (replaces the old one)."),
        ["status"] = Schema.Text("Status id or name, e.g. \"In Progress\" or \"101\"."),
        ["resolutionId"] = Schema.WholeNumber("Resolution id: 0 Fixed, 1 Won't Fix, 2 Invalid, 3 Duplication, 4 Cannot Reproduce.", 0),
        ["assigneeId"] = Schema.WholeNumber("Assignee user id.", 1),
        ["priority"] = Schema.Text("Priority id or name."),
        ["startDate"] = Schema.Text("yyyy-MM-dd"),
        ["dueDate"] = Schema.Text("yyyy-MM-dd"),
        ["comment"] = Schema.Text("A comment recorded with the change."),
    }, "issueIdOrKey");

    public override JsonObject OutputSchema => Schema.Output(new JsonObject { ["issue"] = IssueJson.Schema() }, "issue");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var key = args.RequiredString("issueIdOrKey");
        var form = new WriteForm()
            .Add("summary", args.Text("summary")).Add("description", args.Text("description"))
            .Add("resolutionId", args.WholeNumber("resolutionId", 0, int.MaxValue)).Add("assigneeId", args.WholeNumber("assigneeId", 1, int.MaxValue))
            .Add("startDate", args.Date("startDate")).Add("dueDate", args.Date("dueDate")).Add("comment", args.Text("comment"));
        if (args.Text("status") is { Length: > 0 } status)
        {
            var current = await GetIssueTool.FetchAsync(context, key, cancellationToken);
            // The project by its key when the issue key gives it: an unknown status is then reported "in BLG", not "in 10".
            var project = current.IssueKey is { } issueKey && issueKey.LastIndexOf('-') is > 0 and var dash
                ? issueKey[..dash]
                : current.ProjectId.ToString(CultureInfo.InvariantCulture);
            form.Add("statusId", (await StatusResolver.ResolveAsync(context, ToolArgs.IdOrName(status), [project], cancellationToken))[0]);
        }
        if (args.Text("priority") is { Length: > 0 } priority)
        {
            form.Add("priorityId", (await PriorityResolver.ResolveAsync(context, ToolArgs.IdOrName(priority), cancellationToken))[0]);
        }
        if (form.IsEmpty) throw ToolArgs.Invalid("nothing to change: give at least one of summary, description, status, resolutionId, assigneeId, priority, startDate, dueDate, comment.");
        var issue = await context.Api.SendFormAsync(HttpMethod.Patch, $"/api/v2/issues/{ToolContext.Segment(key)}", form.Fields, NulabJsonContext.Default.NulabIssue, cancellationToken);
        var url = context.IssueUrl(issue.IssueKey);
        var text = $"# Issue Updated\n\n**Key:** [{issue.IssueKey}]({url})\n**Summary:** {issue.Summary}\n**Status:** {issue.Status?.Name} | **Priority:** {NulabFormat.OrNone(issue.Priority?.Name)} | **Assignee:** {issue.Assignee?.Name ?? "Unassigned"}"
            + NextHints.Block(($"backlog_get_comments(issueIdOrKey: {NextHints.Quote(issue.IssueKey ?? key)}, count: 1)", "the change log Backlog recorded"));
        return new ToolOutput(text, new JsonObject { ["issue"] = IssueJson.WithDescription(issue, url) });
    }
}
