using System.Globalization;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_get_wiki, as Nulab's server names it (docs/backlog-mcp.md): one wiki page whole, its content as the
/// project writes it (Markdown or Backlog notation), tags and attachments. A page over BACKLOG_MAX_TOKENS is cut at a
/// line of its content, said so in the answer and in <c>truncated</c>; the JSON stays whole and valid.</summary>
public sealed class GetWikiTool : NulabTool
{
    public override string Toolset => Toolsets.Wiki;

    public override string Name => "backlog_get_wiki";

    public override string Title => "Read a wiki page";

    public override string Description => "Read one wiki page by id (backlog_get_wiki_pages lists them): its content, tags, attachments, and who changed it when.";

    public override JsonObject InputSchema => Schema.Input(new JsonObject { ["wikiId"] = Schema.WholeNumber("The wiki page's id.", 1) }, "wikiId");

    public override JsonObject OutputSchema => Schema.Output(new JsonObject
    {
        ["id"] = Schema.Type("integer"),
        ["projectId"] = Schema.Type("integer"),
        ["name"] = Schema.Nullable("string"),
        ["content"] = Schema.Type("string"),
        ["truncated"] = Schema.Type("boolean"),
        ["tags"] = Schema.ArrayOf(Schema.Type("string")),
        ["attachments"] = Schema.ArrayOf(Schema.Output(new JsonObject { ["id"] = Schema.Type("integer"), ["name"] = Schema.Nullable("string"), ["size"] = Schema.Type("integer") }, "id", "size")),
        ["createdBy"] = Schema.Nullable("string"),
        ["created"] = Schema.Nullable("string"),
        ["updatedBy"] = Schema.Nullable("string"),
        ["updated"] = Schema.Nullable("string"),
    }, "id", "projectId", "name", "content", "truncated", "tags", "attachments");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var id = args.WholeNumber("wikiId", 1, int.MaxValue) ?? throw ToolArgs.Invalid("wikiId is required.");
        var wiki = await context.Api.GetAsync($"/api/v2/wikis/{id}", null, NulabJsonContext.Default.NulabWiki, cancellationToken);
        var content = wiki.Content ?? "";
        return LineBudget.Fit(content, context, (text, cut) => Output(wiki, text, cut));
    }

    private static ToolOutput Output(NulabWiki wiki, string content, bool cut)
    {
        var tags = (wiki.Tags ?? []).Select(t => t.Name).ToList();
        var attachments = wiki.Attachments ?? [];
        var structured = new JsonObject
        {
            ["id"] = wiki.Id, ["projectId"] = wiki.ProjectId, ["name"] = wiki.Name, ["content"] = content, ["truncated"] = cut,
            ["tags"] = new JsonArray([.. tags.Select(t => (JsonNode?)t)]),
            ["attachments"] = new JsonArray([.. attachments.Select(a => (JsonNode)new JsonObject { ["id"] = a.Id, ["name"] = a.Name, ["size"] = a.Size })]),
            ["createdBy"] = wiki.CreatedUser?.Name, ["created"] = wiki.Created, ["updatedBy"] = wiki.UpdatedUser?.Name, ["updated"] = wiki.Updated,
        };
        var text = $"# Wiki — {wiki.Name}\n\n**ID:** {wiki.Id.ToString(CultureInfo.InvariantCulture)}\n**Tags:** {NulabFormat.Join(tags)}\n"
            + $"**Created:** {NulabFormat.Date(wiki.Created)} by {NulabFormat.OrNone(wiki.CreatedUser?.Name)}\n**Updated:** {NulabFormat.Date(wiki.Updated)} by {NulabFormat.OrNone(wiki.UpdatedUser?.Name)}\n\n"
            + (cut ? $"_Content cut to {content.Length} of {(wiki.Content ?? "").Length} characters to stay within BACKLOG_MAX_TOKENS._\n\n" : "")
            + "## Content\n\n" + (content.Length == 0 ? "_Empty._" : content) + "\n";
        if (attachments.Count > 0)
        {
            var table = new MarkdownTable("ID", "Name", "Size");
            foreach (var a in attachments) table.Row(a.Id.ToString(CultureInfo.InvariantCulture), a.Name, NulabFormat.Size(a.Size));
            text += "\n## Attachments\n\n" + table;
        }
        return new ToolOutput(text, structured);
    }
}
