using System.Globalization;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_get_resolutions, as Nulab's server names it: the space's resolutions (Fixed, Won't Fix, …).</summary>
public sealed class GetResolutionsTool : NulabTool
{
    public override string Name => "backlog_get_resolutions";

    public override string Title => "List resolutions";

    public override string Description => "List the space's resolutions (space-wide: Fixed, Won't Fix, Invalid, Duplication, Cannot Reproduce) with their ids.";

    public override JsonObject InputSchema => Schema.Input([]);

    public override JsonObject OutputSchema => Schema.Output(new JsonObject
    {
        ["resolutions"] = Schema.ArrayOf(Schema.Output(new JsonObject { ["id"] = Schema.Type("integer"), ["name"] = Schema.Nullable("string") }, "id")),
    }, "resolutions");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var resolutions = await context.Api.GetAsync("/api/v2/resolutions", null, NulabJsonContext.Default.ListNulabNamed, cancellationToken);
        var structured = new JsonObject { ["resolutions"] = new JsonArray([.. resolutions.Select(r => (JsonNode)new JsonObject { ["id"] = r.Id, ["name"] = r.Name })]) };
        var text = "# Resolutions (Global)\n\n";
        if (resolutions.Count == 0) return new ToolOutput(text + "_No resolutions found._", structured);
        var table = new MarkdownTable("ID", "Name");
        foreach (var r in resolutions) table.Row(r.Id.ToString(CultureInfo.InvariantCulture), r.Name);
        return new ToolOutput(text + table, structured);
    }
}
