using System.Globalization;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_get_documents, as Nulab's server names it (docs/backlog-mcp.md): documents of one or more projects
/// (keys resolved to ids), by keyword, newest change first, paged with offset and count.</summary>
public sealed class GetDocumentsTool : NulabTool
{
    public override string Toolset => Toolsets.Document;

    public override string Name => "backlog_get_documents";

    public override string Title => "List documents";

    public override string Description => "List the documents of one or more projects (keys or ids, comma-separated), optionally by keyword in titles and text, sorted by update (or creation) newest first; count 1-100 (20), offset to page. Read one with backlog_get_document.";

    public override JsonObject InputSchema => Schema.Input(new JsonObject
    {
        [ProjectArgument.Name] = Schema.Text("Project key(s) or id(s), comma-separated.", 1),
        ["keyword"] = Schema.Text("Only documents whose title or text contains this."),
        ["sort"] = Schema.Enum("Sort key.", ["updated", "created"], "updated"),
        ["order"] = Schema.Enum("Sort order.", ["asc", "desc"], "desc"),
        ["count"] = Schema.WholeNumber("Documents per page, 1-100.", 1, 100, 20),
        ["offset"] = Schema.WholeNumber("How many documents to skip.", 0, null, 0),
    }, ProjectArgument.Name);

    public override JsonObject OutputSchema => Schema.Output(new JsonObject
    {
        ["documents"] = Schema.ArrayOf(Schema.Output(new JsonObject
        {
            ["id"] = Schema.Type("string"), ["projectId"] = Schema.Type("integer"), ["title"] = Schema.Nullable("string"),
            ["tags"] = Schema.ArrayOf(Schema.Type("string")), ["updated"] = Schema.Nullable("string"),
        }, "id", "projectId", "title", "tags")),
        ["nextOffset"] = Schema.Nullable("integer"),
    }, "documents", "nextOffset");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var parts = ProjectArgument.Read(args).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var ids = await Task.WhenAll(parts.Select(async p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : (await context.ProjectAsync(p, cancellationToken)).Id));
        var count = args.WholeNumber("count", 1, 100) ?? 20;
        var offset = args.WholeNumber("offset", 0, int.MaxValue) ?? 0;
        var keyword = args.Text("keyword");
        var query = new NulabQuery().AddArray("projectId", ids).Add("keyword", string.IsNullOrEmpty(keyword) ? null : keyword)
            .Add("sort", args.Choice("sort", ["updated", "created"]) ?? "updated").Add("order", args.Choice("order", ["asc", "desc"]) ?? "desc").Add("offset", offset).Add("count", count);
        var documents = await context.Api.GetAsync("/api/v2/documents", query, NulabJsonContext.Default.ListNulabDocument, cancellationToken);
        // The API gives no total: a full page may have more behind it.
        int? next = documents.Count == count ? offset + count : null;
        var structured = new JsonObject
        {
            ["documents"] = new JsonArray([.. documents.Select(d => (JsonNode)new JsonObject
            {
                ["id"] = d.Id, ["projectId"] = d.ProjectId, ["title"] = d.Title, ["tags"] = new JsonArray([.. (d.Tags ?? []).Select(t => (JsonNode?)t.Name)]), ["updated"] = d.Updated,
            })]),
            ["nextOffset"] = next,
        };
        var text = $"# Documents — {string.Join(", ", parts)}\n\n";
        if (documents.Count == 0) return new ToolOutput(text + "_No documents found._", structured);
        var table = new MarkdownTable("ID", "Title", "Tags", "Updated");
        foreach (var d in documents) table.Row(d.Id, d.Title, NulabFormat.Join((d.Tags ?? []).Select(t => t.Name)), NulabFormat.Date(d.Updated));
        return new ToolOutput(text + table + NextHints.Block(($"backlog_get_document(documentId: {NextHints.Quote(documents[0].Id)})", $"read {documents[0].Title}")), structured);
    }
}
