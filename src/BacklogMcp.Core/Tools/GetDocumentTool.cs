using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_get_document, as Nulab's server names it (docs/backlog-mcp.md): one document whole; its text is cut
/// at a line to fit BACKLOG_MAX_TOKENS, said so and flagged, the JSON staying valid.</summary>
public sealed class GetDocumentTool : NulabTool
{
    public override string Toolset => Toolsets.Document;

    public override string Name => "backlog_get_document";

    public override string Title => "Read a document";

    public override string Description => "Read one document by id (backlog_get_documents or backlog_get_document_tree list them): its text, tags, child documents, and who changed it when.";

    public override JsonObject InputSchema => Schema.Input(new JsonObject { ["documentId"] = Schema.Text("The document's id (a string such as 0193a1b2…).", 1) }, "documentId");

    public override JsonObject OutputSchema => Schema.Output(new JsonObject
    {
        ["id"] = Schema.Type("string"), ["projectId"] = Schema.Type("integer"), ["title"] = Schema.Nullable("string"), ["text"] = Schema.Type("string"),
        ["truncated"] = Schema.Type("boolean"), ["tags"] = Schema.ArrayOf(Schema.Type("string")), ["childDocumentIds"] = Schema.ArrayOf(Schema.Type("string")),
        ["createdBy"] = Schema.Nullable("string"), ["created"] = Schema.Nullable("string"), ["updatedBy"] = Schema.Nullable("string"), ["updated"] = Schema.Nullable("string"),
    }, "id", "projectId", "title", "text", "truncated", "tags", "childDocumentIds");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var id = args.RequiredString("documentId").Trim();
        var document = await context.Api.GetAsync($"/api/v2/documents/{ToolContext.Segment(id)}", null, NulabJsonContext.Default.NulabDocument, cancellationToken);
        var all = document.Plain ?? "";
        return LineBudget.Fit(all, context, (text, cut) => Output(document, text, cut));
    }

    private static ToolOutput Output(NulabDocument document, string text, bool cut)
    {
        var tags = (document.Tags ?? []).Select(t => t.Name).ToList();
        var children = document.ChildDocumentIds ?? [];
        var structured = new JsonObject
        {
            ["id"] = document.Id, ["projectId"] = document.ProjectId, ["title"] = document.Title, ["text"] = text, ["truncated"] = cut,
            ["tags"] = new JsonArray([.. tags.Select(t => (JsonNode?)t)]), ["childDocumentIds"] = new JsonArray([.. children.Select(c => (JsonNode?)c)]),
            ["createdBy"] = document.CreatedUser?.Name, ["created"] = document.Created, ["updatedBy"] = document.UpdatedUser?.Name, ["updated"] = document.Updated,
        };
        var markdown = $"# {document.Emoji}{(document.Emoji is null ? "" : " ")}{document.Title}\n\n**ID:** `{document.Id}`\n**Tags:** {NulabFormat.Join(tags)}\n"
            + $"**Updated:** {NulabFormat.Date(document.Updated)} by {NulabFormat.OrNone(document.UpdatedUser?.Name)}\n"
            + (children.Count > 0 ? $"**Child documents:** {string.Join(", ", children.Select(c => $"`{c}`"))}\n" : "") + "\n"
            + (cut ? $"_Text cut to {text.Length} of {(document.Plain ?? "").Length} characters to stay within BACKLOG_MAX_TOKENS._\n\n" : "")
            + (text.Length == 0 ? "_Empty._" : text) + "\n";
        return new ToolOutput(markdown, structured);
    }
}
