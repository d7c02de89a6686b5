using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_add_wiki, as Nulab's server names it (docs/backlog-mcp.md): a new wiki page in a project. Only when
/// BACKLOG_ENABLE_WRITES=true.</summary>
public sealed class AddWikiTool : NulabTool
{
    public override string Toolset => Toolsets.Wiki;

    public override string Name => "backlog_add_wiki";

    public override string Title => "Add a wiki page";

    public override string Description => "Add a wiki page to a project: its name (a path such as \"Guides/Setup\" nests it) and content in the project's text format.";

    public override ToolHints Hints => new(ReadOnly: false, Destructive: false, Idempotent: false);

    public override JsonObject InputSchema => Schema.Input(new JsonObject
    {
        [ProjectArgument.Name] = ProjectArgument.Schema(),
        ["name"] = Schema.Text("The page's name.", 1),
        ["content"] = Schema.Text("The page's content (Markdown or Backlog notation, as the project uses)."),
    }, ProjectArgument.Name, "name");

    public override JsonObject OutputSchema => Schema.Output(new JsonObject { ["wikiId"] = Schema.Type("integer"), ["name"] = Schema.Nullable("string") }, "wikiId");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var project = await context.ProjectAsync(ProjectArgument.Read(args).Trim(), cancellationToken);
        var form = new WriteForm().Add("projectId", project.Id).Add("name", args.RequiredString("name")).Add("content", args.Text("content") ?? "");
        var wiki = await context.Api.SendFormAsync(HttpMethod.Post, "/api/v2/wikis", form.Fields, NulabJsonContext.Default.NulabWiki, cancellationToken);
        return new ToolOutput($"# Wiki Page Added\n\n**{wiki.Name}** (id {wiki.Id}) in {project.ProjectKey}" + NextHints.Block(($"backlog_get_wiki(wikiId: {wiki.Id})", "read it back")),
            new JsonObject { ["wikiId"] = wiki.Id, ["name"] = wiki.Name });
    }
}

/// <summary>backlog_update_wiki, as Nulab's server names it (docs/backlog-mcp.md): renames a page or replaces its content.
/// Only when BACKLOG_ENABLE_WRITES=true.</summary>
public sealed class UpdateWikiTool : NulabTool
{
    public override string Toolset => Toolsets.Wiki;

    public override string Name => "backlog_update_wiki";

    public override string Title => "Edit a wiki page";

    public override string Description => "Rename a wiki page and/or replace its whole content (read it first with backlog_get_wiki: the content given replaces all of it).";

    public override ToolHints Hints => new(ReadOnly: false, Destructive: true, Idempotent: true);

    public override JsonObject InputSchema => Schema.Input(new JsonObject
    {
        ["wikiId"] = Schema.WholeNumber("The page's id.", 1),
        ["name"] = Schema.Text("A new name.", 1),
        ["content"] = Schema.Text("The new content, replacing all of it."),
    }, "wikiId");

    public override JsonObject OutputSchema => Schema.Output(new JsonObject { ["wikiId"] = Schema.Type("integer"), ["name"] = Schema.Nullable("string"), ["updated"] = Schema.Nullable("string") }, "wikiId");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var id = args.WholeNumber("wikiId", 1, int.MaxValue) ?? throw ToolArgs.Invalid("wikiId is required.");
        var form = new WriteForm().Add("name", args.Text("name")).Add("content", args.Text("content"));
        if (form.IsEmpty) throw ToolArgs.Invalid("give a new name, new content, or both.");
        var wiki = await context.Api.SendFormAsync(HttpMethod.Patch, $"/api/v2/wikis/{id}", form.Fields, NulabJsonContext.Default.NulabWiki, cancellationToken);
        return new ToolOutput($"# Wiki Page Updated\n\n**{wiki.Name}** (id {wiki.Id}) — {NulabFormat.Date(wiki.Updated)}",
            new JsonObject { ["wikiId"] = wiki.Id, ["name"] = wiki.Name, ["updated"] = wiki.Updated });
    }
}
