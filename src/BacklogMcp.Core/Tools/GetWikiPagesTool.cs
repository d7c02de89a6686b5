using System.Globalization;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_get_wiki_pages, as Nulab's server names it (docs/backlog-mcp.md): a project's wiki pages by name,
/// optionally those whose name or content holds a keyword. Pages come without content: backlog_get_wiki reads one.</summary>
public sealed class GetWikiPagesTool : NulabTool
{
    public override string Toolset => Toolsets.Wiki;

    public override string Name => "backlog_get_wiki_pages";

    public override string Title => "List a project's wiki pages";

    public override string Description => "List a project's wiki pages (id, name, tags, last update), optionally only those whose name or content contains a keyword. Read a page with backlog_get_wiki.";

    public override JsonObject InputSchema => Schema.Input(new JsonObject
    {
        [ProjectArgument.Name] = ProjectArgument.Schema(),
        ["keyword"] = Schema.Text("Only pages whose name or content contains this text."),
    }, ProjectArgument.Name);

    public override JsonObject OutputSchema => ProjectArgument.RowsSchema("wikiPages", Schema.Output(new JsonObject
    {
        ["id"] = Schema.Type("integer"),
        ["name"] = Schema.Nullable("string"),
        ["tags"] = Schema.ArrayOf(Schema.Type("string")),
        ["updatedBy"] = Schema.Nullable("string"),
        ["updated"] = Schema.Nullable("string"),
    }, "id", "name", "tags"));

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var project = ProjectArgument.Read(args);
        var keyword = args.Text("keyword");
        var query = new NulabQuery().Add("projectIdOrKey", project.Trim()).Add("keyword", string.IsNullOrEmpty(keyword) ? null : keyword);
        var pages = await context.Api.GetAsync("/api/v2/wikis", query, NulabJsonContext.Default.ListNulabWikiPage, cancellationToken);
        var rows = new JsonArray([.. pages.Select(p => (JsonNode)new JsonObject
        {
            ["id"] = p.Id, ["name"] = p.Name, ["tags"] = new JsonArray([.. (p.Tags ?? []).Select(t => (JsonNode?)t.Name)]),
            ["updatedBy"] = p.UpdatedUser?.Name, ["updated"] = p.Updated,
        })]);
        var text = $"# Wiki pages — {project}\n\n" + (string.IsNullOrEmpty(keyword) ? "" : $"**Keyword:** {keyword}\n") + $"**Total:** {pages.Count} page(s)\n\n";
        if (pages.Count == 0) return new ToolOutput(text + "_No wiki pages found._", ProjectArgument.Rows(project, "wikiPages", rows));
        var table = new MarkdownTable("ID", "Name", "Tags", "Updated By", "Updated");
        foreach (var p in pages)
            table.Row(p.Id.ToString(CultureInfo.InvariantCulture), p.Name, NulabFormat.Join((p.Tags ?? []).Select(t => t.Name)), NulabFormat.OrNone(p.UpdatedUser?.Name), NulabFormat.Date(p.Updated));
        text += table + NextHints.Block(($"backlog_get_wiki(wikiId: {pages[0].Id})", $"read {pages[0].Name}"));
        return new ToolOutput(text, ProjectArgument.Rows(project, "wikiPages", rows));
    }
}
