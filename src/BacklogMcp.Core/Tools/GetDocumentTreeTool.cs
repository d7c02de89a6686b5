using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_get_document_tree, as Nulab's server names it (docs/backlog-mcp.md): a project's documents as
/// nested headings' tree, flattened for structured content (each node with its parent and depth), trash apart.</summary>
public sealed class GetDocumentTreeTool : NulabTool
{
    public override string Toolset => Toolsets.Document;

    public override string Name => "backlog_get_document_tree";

    public override string Title => "Show a project's document tree";

    public override string Description => "Show how a project's documents nest (and which are in the trash), with their ids for backlog_get_document.";

    public override JsonObject InputSchema => Schema.Input(new JsonObject { [ProjectArgument.Name] = ProjectArgument.Schema() }, ProjectArgument.Name);

    public override JsonObject OutputSchema => Schema.Output(new JsonObject
    {
        ["projectId"] = Schema.Type("integer"),
        ["nodes"] = Schema.ArrayOf(Schema.Output(new JsonObject
        {
            ["id"] = Schema.Type("string"), ["name"] = Schema.Nullable("string"), ["parentId"] = Schema.Nullable("string"),
            ["depth"] = Schema.Type("integer"), ["inTrash"] = Schema.Type("boolean"),
        }, "id", "depth", "inTrash")),
    }, "projectId", "nodes");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var project = ProjectArgument.Read(args);
        var tree = await context.Api.GetAsync("/api/v2/documents/tree", new NulabQuery().Add("projectIdOrKey", project.Trim()), NulabJsonContext.Default.NulabDocumentTree, cancellationToken);
        var nodes = new JsonArray();
        var lines = new List<string>();
        void Walk(IReadOnlyList<NulabDocumentTreeNode>? children, string? parent, int depth, bool trash)
        {
            foreach (var node in children ?? [])
            {
                nodes.Add((JsonNode)new JsonObject { ["id"] = node.Id, ["name"] = node.Name, ["parentId"] = parent, ["depth"] = depth, ["inTrash"] = trash });
                lines.Add($"{new string(' ', depth * 2)}- {node.Emoji}{(node.Emoji is null ? "" : " ")}{node.Name} (`{node.Id}`)");
                Walk(node.Children, node.Id, depth + 1, trash);
            }
        }
        Walk(tree.ActiveTree?.Children, null, 0, false);
        var active = lines.Count;
        Walk(tree.TrashTree?.Children, null, 0, true);
        var text = $"# Documents — {project}\n\n" + (active == 0 ? "_No documents._\n" : string.Join("\n", lines.Take(active)) + "\n")
            + (lines.Count > active ? "\n## Trash\n\n" + string.Join("\n", lines.Skip(active)) + "\n" : "");
        return new ToolOutput(text, new JsonObject { ["projectId"] = tree.ProjectId, ["nodes"] = nodes });
    }
}
