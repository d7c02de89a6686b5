using System.Globalization;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_get_projects (docs/reference/nulab-backlog.md §1.6.8).</summary>
public sealed class GetProjectsTool : NulabTool
{
    public override string Toolset => Toolsets.Project;

    public override string Name => "backlog_get_projects";

    public override string Title => "List projects";

    public override string Description => "List the projects the API key's user can see, with id and key. Omit archived for all projects; false: active only; true: archived only.";

    public override JsonObject InputSchema => Schema.Input(new JsonObject
    {
        ["archived"] = Schema.Bool("Omit for all projects; false for active projects only; true for archived projects only."),
    });

    public override JsonObject OutputSchema => Schema.Output(new JsonObject
    {
        ["projects"] = Schema.ArrayOf(Schema.Output(new JsonObject
        {
            ["id"] = Schema.Type("integer"), ["projectKey"] = Schema.Nullable("string"), ["name"] = Schema.Nullable("string"), ["archived"] = Schema.Type("boolean"),
        }, "id")),
    }, "projects");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var archived = args.Bool("archived");
        var projects = await context.Api.GetAsync("/api/v2/projects", new NulabQuery().Add("archived", archived), NulabJsonContext.Default.ListNulabProject, cancellationToken);
        var structured = new JsonObject
        {
            ["projects"] = new JsonArray([.. projects.Select(p => (JsonNode)new JsonObject { ["id"] = p.Id, ["projectKey"] = p.ProjectKey, ["name"] = p.Name, ["archived"] = p.Archived })]),
        };
        var text = $"# {archived switch { null => "All", true => "Archived", false => "Active" }} Projects\n\n";
        if (projects.Count == 0) return new ToolOutput(text + "_No projects found._", structured);
        var table = new MarkdownTable("ID", "Key", "Name", "Archived");
        foreach (var p in projects) table.Row(p.Id.ToString(CultureInfo.InvariantCulture), p.ProjectKey, p.Name, p.Archived ? "✓" : "");
        var key = NextHints.Quote(projects[0].ProjectKey ?? "");
        text += table + NextHints.Block(
            ($"backlog_get_issue_list(projectIdOrKey: {key})", "the project's issues"),
            ($"backlog_get_users(projectIdOrKey: {key})", "its members"),
            ($"backlog_get_statuses(projectIdOrKey: {key})", "its statuses"));
        return new ToolOutput(text, structured);
    }
}
