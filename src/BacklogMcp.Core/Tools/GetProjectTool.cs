using System.Globalization;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_get_project, as Nulab's server names it (docs/backlog-mcp.md): one project's settings, which say what
/// an agent may find in it (a wiki, Git, child issues) and how its texts are written.</summary>
public sealed class GetProjectTool : NulabTool
{
    public override string Toolset => Toolsets.Project;

    public override string Name => "backlog_get_project";

    public override string Title => "Show a project";

    public override string Description => "Show one project by key or id: its id, name, whether it is archived, its text formatting rule (markdown or backlog), and whether it uses child issues, a wiki, Git and shared files.";

    public override JsonObject InputSchema => Schema.Input(new JsonObject { [ProjectArgument.Name] = ProjectArgument.Schema() }, ProjectArgument.Name);

    public override JsonObject OutputSchema => Schema.Output(new JsonObject
    {
        ["id"] = Schema.Type("integer"),
        ["projectKey"] = Schema.Nullable("string"),
        ["name"] = Schema.Nullable("string"),
        ["archived"] = Schema.Type("boolean"),
        ["textFormattingRule"] = Schema.Nullable("string"),
        ["subtaskingEnabled"] = Schema.Type("boolean"),
        ["useWiki"] = Schema.Type("boolean"),
        ["useGit"] = Schema.Type("boolean"),
        ["useFileSharing"] = Schema.Type("boolean"),
    }, "id", "projectKey", "name");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var reference = ProjectArgument.Read(args);
        var project = await context.Api.GetAsync($"/api/v2/projects/{ToolContext.Segment(reference)}", null, NulabJsonContext.Default.NulabProject, cancellationToken);
        var structured = new JsonObject
        {
            ["id"] = project.Id, ["projectKey"] = project.ProjectKey, ["name"] = project.Name, ["archived"] = project.Archived,
            ["textFormattingRule"] = project.TextFormattingRule, ["subtaskingEnabled"] = project.SubtaskingEnabled, ["useWiki"] = project.UseWiki,
            ["useGit"] = project.UseGit, ["useFileSharing"] = project.UseFileSharing,
        };
        static string YesNo(bool value) => value ? "yes" : "no";
        var details = new MarkdownTable("Field", "Value");
        details.Row("ID", project.Id.ToString(CultureInfo.InvariantCulture));
        details.Row("Key", NulabFormat.OrNone(project.ProjectKey));
        details.Row("Archived", YesNo(project.Archived));
        details.Row("Text formatting", NulabFormat.OrNone(project.TextFormattingRule));
        details.Row("Child issues", YesNo(project.SubtaskingEnabled));
        details.Row("Wiki", YesNo(project.UseWiki));
        details.Row("Git", YesNo(project.UseGit));
        details.Row("Shared files", YesNo(project.UseFileSharing));
        var key = NextHints.Quote(project.ProjectKey ?? reference);
        var text = $"# Project — {project.Name}\n\n{details}" + NextHints.Block(
            ($"backlog_get_issue_list(projectIdOrKey: {key})", "its issues"),
            ($"backlog_get_statuses(projectIdOrKey: {key})", "its statuses"),
            ($"backlog_get_wiki_pages(projectIdOrKey: {key})", "its wiki pages"));
        return new ToolOutput(text, structured);
    }
}
