using System.Globalization;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_get_categories (docs/reference/nulab-backlog.md §1.6.6).</summary>
public sealed class GetCategoriesTool : NulabTool
{
    public override string Name => "backlog_get_categories";

    public override string Title => "List a project's categories";

    public override string Description => "List a project's categories with their ids (for the categoryId filter of backlog_get_issue_list).";

    public override JsonObject InputSchema => Schema.Input(new JsonObject { [ProjectArgument.Name] = ProjectArgument.Schema() }, ProjectArgument.Name);

    public override JsonObject OutputSchema => ProjectArgument.RowsSchema("categories", Schema.Output(new JsonObject { ["id"] = Schema.Type("integer"), ["name"] = Schema.Nullable("string") }, "id"));

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var project = ProjectArgument.Read(args);
        var categories = await context.Api.GetAsync($"/api/v2/projects/{ToolContext.Segment(project)}/categories", null, NulabJsonContext.Default.ListNulabCategory, cancellationToken);
        var rows = new JsonArray([.. categories.Select(c => (JsonNode)new JsonObject { ["id"] = c.Id, ["name"] = c.Name })]);
        var text = $"# Categories — {project}\n\n";
        if (categories.Count == 0) return new ToolOutput(text + "_No categories found for this project._", ProjectArgument.Rows(project, "categories", rows));
        var table = new MarkdownTable("ID", "Name");
        foreach (var c in categories) table.Row(c.Id.ToString(CultureInfo.InvariantCulture), c.Name);
        text += table + NextHints.Block(($"backlog_get_issue_list(projectIdOrKey: {NextHints.Quote(project)}, categoryId: [{categories[0].Id}])", $"issues in {categories[0].Name}"));
        return new ToolOutput(text, ProjectArgument.Rows(project, "categories", rows));
    }
}
