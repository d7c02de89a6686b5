using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;

namespace BacklogMcp.Core.Tools;

/// <summary>Adds a document to a project (Nulab's server's addDocument; Backlog's <c>POST /documents</c>), at the top
/// level or under a parent document. Only when BACKLOG_ENABLE_WRITES=true.</summary>
public sealed class AddDocumentTool : NulabTool
{
    public override string Name => "backlog_add_document";

    public override string Title => "Add a document";

    public override string Description => "Create a document in a project (Backlog's Documents), with a title and Markdown content, optionally under a parent document (backlog_get_document_tree gives ids).";

    public override string Toolset => Toolsets.Document;

    public override ToolHints Hints => new(ReadOnly: false, Destructive: false, Idempotent: false);

    public override JsonObject InputSchema => Schema.Input(new JsonObject
    {
        [ProjectArgument.Name] = ProjectArgument.Schema(),
        ["title"] = Schema.Text("The document's title.", 1),
        ["content"] = Schema.Text("Its text (Markdown)."),
        ["emoji"] = Schema.Text("An emoji shown before the title."),
        ["parentId"] = Schema.Text("The parent document's id, to nest it; none: top level."),
        ["addLast"] = Schema.Bool("true: last among its siblings; false (default): first."),
    }, ProjectArgument.Name, "title");

    public override JsonObject OutputSchema => Schema.Output(new JsonObject
    {
        ["id"] = Schema.Type("string"), ["projectId"] = Schema.Type("integer"), ["title"] = Schema.Nullable("string"), ["parentId"] = Schema.Nullable("string"),
    }, "id", "projectId", "title");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var reference = ProjectArgument.Read(args);
        // Backlog's write takes the numeric project id; a key is looked up.
        var project = await context.Api.GetAsync($"/api/v2/projects/{ToolContext.Segment(reference)}", null, NulabJsonContext.Default.NulabProject, cancellationToken);
        var parent = args.Text("parentId")?.Trim();
        var form = new WriteForm().Add("projectId", project.Id).Add("title", args.RequiredString("title").Trim()).Add("content", args.Text("content"))
            .Add("emoji", args.Text("emoji")).Add("parentId", string.IsNullOrEmpty(parent) ? null : parent);
        if (args.Bool("addLast") is { } last) form.Add("addLast", last ? "true" : "false");
        var document = await context.Api.SendFormAsync(HttpMethod.Post, "/api/v2/documents", form.Fields, NulabJsonContext.Default.NulabDocument, cancellationToken);
        return new ToolOutput($"# Document Added\n\n**{document.Title}** (id {document.Id}) in {project.ProjectKey}{(parent is { Length: > 0 } ? $", under {parent}" : "")}.",
            new JsonObject { ["id"] = document.Id, ["projectId"] = document.ProjectId, ["title"] = document.Title, ["parentId"] = string.IsNullOrEmpty(parent) ? null : parent });
    }
}
