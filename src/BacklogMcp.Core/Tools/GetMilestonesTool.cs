using System.Globalization;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_get_milestones (docs/reference/nulab-backlog.md §1.6.7). Backlog's endpoint documents no archived filter, so
/// the filter is applied here on the answer rather than trusted to an undocumented parameter.</summary>
public sealed class GetMilestonesTool : NulabTool
{
    public override string Name => "backlog_get_milestones";

    public override string Title => "List a project's milestones";

    public override string Description => "List a project's milestones (versions) with dates; archived ones only when archived is true.";

    public override JsonObject InputSchema => Schema.Input(new JsonObject
    {
        [ProjectArgument.Name] = ProjectArgument.Schema(),
        ["archived"] = Schema.Bool("true: include archived milestones; false (default): active ones only.", false),
    }, ProjectArgument.Name);

    public override JsonObject OutputSchema => ProjectArgument.RowsSchema("milestones", Schema.Output(new JsonObject
    {
        ["id"] = Schema.Type("integer"), ["name"] = Schema.Nullable("string"), ["startDate"] = Schema.Nullable("string"),
        ["releaseDueDate"] = Schema.Nullable("string"), ["archived"] = Schema.Type("boolean"),
    }, "id"));

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var project = ProjectArgument.Read(args);
        var includeArchived = args.Bool("archived") ?? false;
        var all = await context.Api.GetAsync($"/api/v2/projects/{ToolContext.Segment(project)}/versions", null, NulabJsonContext.Default.ListNulabVersion, cancellationToken);
        var milestones = all.Where(m => includeArchived || !m.Archived).ToList();
        var rows = new JsonArray([.. milestones.Select(m => (JsonNode)new JsonObject
        {
            ["id"] = m.Id, ["name"] = m.Name, ["startDate"] = m.StartDate, ["releaseDueDate"] = m.ReleaseDueDate, ["archived"] = m.Archived,
        })]);
        var text = $"# {(includeArchived ? "All" : "Active")} Milestones — {project}\n\n";
        if (milestones.Count == 0) return new ToolOutput(text + "_No milestones found for this project._", ProjectArgument.Rows(project, "milestones", rows));
        var table = new MarkdownTable("ID", "Name", "Start Date", "Due Date", "Archived");
        foreach (var m in milestones)
            table.Row(m.Id.ToString(CultureInfo.InvariantCulture), m.Name, NulabFormat.Day(m.StartDate), NulabFormat.Day(m.ReleaseDueDate), m.Archived ? "✓" : "");
        text += table + NextHints.Block(($"backlog_get_issue_list(projectIdOrKey: {NextHints.Quote(project)}, milestoneId: [{milestones[0].Id}])", $"issues in {milestones[0].Name}"));
        return new ToolOutput(text, ProjectArgument.Rows(project, "milestones", rows));
    }
}
