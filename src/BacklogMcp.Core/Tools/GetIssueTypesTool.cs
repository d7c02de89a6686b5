using System.Globalization;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_get_issue_types, as Nulab's server names it: a project's issue types with their ids (what
/// backlog_add_issue's issueType takes, by id or name).</summary>
public sealed class GetIssueTypesTool : NulabTool
{
    public override string Name => "backlog_get_issue_types";

    public override string Title => "List a project's issue types";

    public override string Description => "List a project's issue types (Task, Bug, …) with their ids; backlog_add_issue takes one by id or name.";

    public override JsonObject InputSchema => Schema.Input(new JsonObject { [ProjectArgument.Name] = ProjectArgument.Schema() }, ProjectArgument.Name);

    public override JsonObject OutputSchema => ProjectArgument.RowsSchema("issueTypes", Schema.Output(new JsonObject { ["id"] = Schema.Type("integer"), ["name"] = Schema.Nullable("string") }, "id"));

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var project = ProjectArgument.Read(args);
        var types = await context.Api.GetAsync($"/api/v2/projects/{ToolContext.Segment(project)}/issueTypes", null, NulabJsonContext.Default.ListNulabIssueType, cancellationToken);
        var rows = new JsonArray([.. types.Select(t => (JsonNode)new JsonObject { ["id"] = t.Id, ["name"] = t.Name })]);
        var text = $"# Issue Types — {project}\n\n";
        if (types.Count == 0) return new ToolOutput(text + "_No issue types found for this project._", ProjectArgument.Rows(project, "issueTypes", rows));
        var table = new MarkdownTable("ID", "Name");
        foreach (var t in types) table.Row(t.Id.ToString(CultureInfo.InvariantCulture), t.Name);
        text += table + NextHints.Block(($"backlog_get_custom_fields(projectIdOrKey: {NextHints.Quote(project)})", "the project's custom fields"));
        return new ToolOutput(text, ProjectArgument.Rows(project, "issueTypes", rows));
    }
}
