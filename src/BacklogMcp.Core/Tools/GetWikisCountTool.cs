using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_get_wikis_count, as Nulab's server names it (docs/backlog-mcp.md): how many wiki pages a project has.</summary>
public sealed class GetWikisCountTool : NulabTool
{
    public override string Toolset => Toolsets.Wiki;

    public override string Name => "backlog_get_wikis_count";

    public override string Title => "Count a project's wiki pages";

    public override string Description => "Count a project's wiki pages.";

    public override JsonObject InputSchema => Schema.Input(new JsonObject { [ProjectArgument.Name] = ProjectArgument.Schema() }, ProjectArgument.Name);

    public override JsonObject OutputSchema => Schema.Output(new JsonObject { [ProjectArgument.Name] = Schema.Type("string"), ["count"] = Schema.Type("integer") }, ProjectArgument.Name, "count");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var project = ProjectArgument.Read(args);
        var count = await context.Api.GetAsync("/api/v2/wikis/count", new NulabQuery().Add("projectIdOrKey", project.Trim()), NulabJsonContext.Default.NulabCount, cancellationToken);
        var text = $"# Wiki pages — {project}\n\n**{count.Count}** wiki page(s)." + NextHints.Block(($"backlog_get_wiki_pages(projectIdOrKey: {NextHints.Quote(project)})", "list them"));
        return new ToolOutput(text, new JsonObject { [ProjectArgument.Name] = project, ["count"] = count.Count });
    }
}
