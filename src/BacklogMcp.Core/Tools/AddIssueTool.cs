using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_add_issue: only when BACKLOG_ENABLE_WRITES=true. Issue type and priority may be given by name.
/// Not retried after a timeout or a 5xx (Backlog may have created it); a 429 is retried, as Backlog refused it whole.</summary>
public sealed class AddIssueTool : NulabTool
{
    public override string Name => "backlog_add_issue";

    public override string Title => "Create a Backlog issue";

    public override string Description =>
        "Create an issue in a project. Needs summary and issue type (id or name, e.g. \"Task\"); priority defaults to Normal. Returns the new issue's key.";

    public override ToolHints Hints => new(ReadOnly: false, Destructive: false, Idempotent: false);

    public override JsonObject InputSchema => Schema.Input(new JsonObject
    {
        [ProjectArgument.Name] = ProjectArgument.Schema(),
        ["summary"] = Schema.Text("The issue's title.", 1),
        ["issueType"] = Schema.Text("Issue type id or name, e.g. \"Task\" or \"Bug\"."),
        ["priority"] = Schema.Text("Priority id or name (default Normal)."),
        ["description"] = Schema.Text("The issue's body (the project's text format: Markdown or Backlog notation)."),
        ["assigneeId"] = Schema.WholeNumber("Assignee user id (backlog_get_users).", 1),
        ["parentIssueId"] = Schema.WholeNumber("Parent issue's numeric id, to create a child issue.", 1),
        ["startDate"] = Schema.Text("yyyy-MM-dd"),
        ["dueDate"] = Schema.Text("yyyy-MM-dd"),
        ["estimatedHours"] = Schema.Number("Estimated hours."),
        ["categoryId"] = Schema.IdOrNameList("Category ids or names (backlog_get_categories)."),
        ["milestoneId"] = Schema.IdOrNameList("Milestone ids or names (backlog_get_milestones)."),
    }, ProjectArgument.Name, "summary", "issueType");

    public override JsonObject OutputSchema => Schema.Output(new JsonObject { ["issue"] = IssueJson.Schema() }, "issue");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var projectText = ProjectArgument.Read(args);
        var summary = args.RequiredString("summary");
        var typeText = args.RequiredString("issueType");
        var project = await context.ProjectAsync(projectText, cancellationToken);
        var types = await context.Api.GetAsync($"/api/v2/projects/{project.Id}/issueTypes", null, NulabJsonContext.Default.ListNulabIssueType, cancellationToken);
        var type = types.Find(t => t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == typeText || NameMatch.Same(t.Name, typeText))
            ?? throw ToolArgs.Invalid($"no issue type '{typeText}' in {project.ProjectKey}; its types: {string.Join(", ", types.Select(t => $"{t.Name} ({t.Id})"))}.");
        var priorityText = args.Text("priority") ?? "3";
        var priority = (await PriorityResolver.ResolveAsync(context, ToolArgs.IdOrName(priorityText), cancellationToken))[0];

        var form = new WriteForm()
            .Add("projectId", project.Id).Add("summary", summary).Add("issueTypeId", type.Id).Add("priorityId", priority)
            .Add("description", args.Text("description")).Add("assigneeId", args.WholeNumber("assigneeId", 1, int.MaxValue))
            .Add("parentIssueId", args.WholeNumber("parentIssueId", 1, int.MaxValue))
            .Add("startDate", args.Date("startDate")).Add("dueDate", args.Date("dueDate")).Add("estimatedHours", args.Fraction("estimatedHours", 0))
            .AddArray("categoryId", await NamedIdResolver.CategoriesAsync(context, args.IdsOrNames("categoryId"), [project.Id], cancellationToken))
            .AddArray("milestoneId", await NamedIdResolver.MilestonesAsync(context, args.IdsOrNames("milestoneId"), [project.Id], cancellationToken));
        var issue = await context.Api.SendFormAsync(HttpMethod.Post, "/api/v2/issues", form.Fields, NulabJsonContext.Default.NulabIssue, cancellationToken);
        var url = context.IssueUrl(issue.IssueKey);
        var text = $"# Issue Created\n\n**Key:** [{issue.IssueKey}]({url})\n**Summary:** {issue.Summary}\n**Type:** {issue.IssueType?.Name} | **Priority:** {NulabFormat.OrNone(issue.Priority?.Name)} | **Status:** {issue.Status?.Name}"
            + NextHints.Block(($"backlog_get_issue(issueIdOrKey: {NextHints.Quote(issue.IssueKey ?? "")})", "see it"));
        return new ToolOutput(text, new JsonObject { ["issue"] = IssueJson.WithDescription(issue, url) });
    }
}
