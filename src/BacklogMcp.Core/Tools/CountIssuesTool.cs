using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_count_issues, as Nulab's server names it (docs/backlog-mcp.md): how many issues match the filters of
/// backlog_get_issue_list, without listing them (one request, whatever the number).</summary>
public sealed class CountIssuesTool : NulabTool
{
    public override string Name => "backlog_count_issues";

    public override string Title => "Count Backlog issues";

    public override string Description => "Count the issues that match filters (the same as backlog_get_issue_list's: project, status, priority, assignee including \"me\", category, milestone, keyword, parentChild) without listing them.";

    public override JsonObject InputSchema => Schema.Input(IssueFilters.Properties([]));

    public override JsonObject OutputSchema => Schema.Output(new JsonObject { ["count"] = Schema.Type("integer") }, "count");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var filters = await IssueFilters.ReadAsync(args, context, cancellationToken);
        var count = await context.Api.GetAsync("/api/v2/issues/count", filters, NulabJsonContext.Default.NulabCount, cancellationToken);
        var text = $"# Issue count\n\n**{count.Count}** issue(s) match." + NextHints.Block(("backlog_get_issue_list(…the same filters…)", "list them, 20 to 100 per page"));
        return new ToolOutput(text, new JsonObject { ["count"] = count.Count });
    }
}
