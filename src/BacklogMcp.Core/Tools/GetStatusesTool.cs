using System.Globalization;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_get_statuses (docs/reference/nulab-backlog.md §1.6.4): the project's statuses, custom ones included.</summary>
public sealed class GetStatusesTool : NulabTool
{
    public override string Name => "backlog_get_statuses";

    public override string Title => "List a project's statuses";

    public override string Description => "List a project's statuses (the four defaults and any custom ones, e.g. 101 \"In Review\") with id, name, color and order. Use the ids or names in backlog_get_issue_list.";

    public override JsonObject InputSchema => Schema.Input(new JsonObject { [ProjectArgument.Name] = ProjectArgument.Schema() }, ProjectArgument.Name);

    public override JsonObject OutputSchema => ProjectArgument.RowsSchema("statuses", Schema.Output(new JsonObject
    {
        ["id"] = Schema.Type("integer"), ["name"] = Schema.Nullable("string"), ["color"] = Schema.Nullable("string"), ["displayOrder"] = Schema.Type("integer"),
    }, "id"));

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var project = ProjectArgument.Read(args);
        var statuses = await context.Api.GetAsync($"/api/v2/projects/{ToolContext.Segment(project)}/statuses", null, NulabJsonContext.Default.ListNulabStatus, cancellationToken);
        var rows = new JsonArray([.. statuses.Select(s => (JsonNode)new JsonObject { ["id"] = s.Id, ["name"] = s.Name, ["color"] = s.Color, ["displayOrder"] = s.DisplayOrder })]);
        var text = $"# Statuses — {project}\n\n";
        if (statuses.Count == 0) return new ToolOutput(text + "_No statuses found for this project._", ProjectArgument.Rows(project, "statuses", rows));
        var table = new MarkdownTable("ID", "Name", "Color", "Display Order");
        foreach (var s in statuses) table.Row(s.Id.ToString(CultureInfo.InvariantCulture), s.Name, NulabFormat.OrNone(s.Color), s.DisplayOrder.ToString(CultureInfo.InvariantCulture));
        text += table + NextHints.Block(
            ($"backlog_get_issue_list(projectIdOrKey: {NextHints.Quote(project)}, statusId: [{statuses[0].Id}])", $"issues in status {statuses[0].Name}"),
            ($"backlog_get_categories(projectIdOrKey: {NextHints.Quote(project)})", "the project's categories"),
            ($"backlog_get_milestones(projectIdOrKey: {NextHints.Quote(project)})", "the project's milestones"));
        return new ToolOutput(text, ProjectArgument.Rows(project, "statuses", rows));
    }
}
