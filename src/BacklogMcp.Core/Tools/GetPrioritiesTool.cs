using System.Globalization;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_get_priorities (docs/reference/nulab-backlog.md §1.6.5): space-wide.</summary>
public sealed class GetPrioritiesTool : NulabTool
{
    public override string Name => "backlog_get_priorities";

    public override string Title => "List priorities";

    public override string Description => "List the space's priorities (space-wide, usually 2 High, 3 Normal, 4 Low) with their ids.";

    public override JsonObject InputSchema => Schema.Input([]);

    public override JsonObject OutputSchema => Schema.Output(new JsonObject
    {
        ["priorities"] = Schema.ArrayOf(Schema.Output(new JsonObject { ["id"] = Schema.Type("integer"), ["name"] = Schema.Nullable("string") }, "id")),
    }, "priorities");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var priorities = await context.Api.GetAsync("/api/v2/priorities", null, NulabJsonContext.Default.ListNulabNamed, cancellationToken);
        var structured = new JsonObject { ["priorities"] = new JsonArray([.. priorities.Select(p => (JsonNode)new JsonObject { ["id"] = p.Id, ["name"] = p.Name })]) };
        var text = "# Priorities (Global)\n\n> Priorities are space-wide and apply to all projects.\n\n";
        if (priorities.Count == 0) return new ToolOutput(text + "_No priorities found._", structured);
        var table = new MarkdownTable("ID", "Name");
        foreach (var p in priorities) table.Row(p.Id.ToString(CultureInfo.InvariantCulture), p.Name);
        text += table + NextHints.Block(
            ($"backlog_get_issue_list(priorityId: [{priorities[0].Id}])", $"issues with priority {priorities[0].Name}"),
            ("backlog_get_projects()", "the projects in the space"));
        return new ToolOutput(text, structured);
    }
}
