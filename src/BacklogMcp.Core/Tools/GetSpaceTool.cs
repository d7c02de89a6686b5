using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_get_space, as Nulab's server names it (docs/backlog-mcp.md): the space's name, key, language and
/// time zone, which an agent needs to read dates and to write in the space's language.</summary>
public sealed class GetSpaceTool : NulabTool
{
    public override string Toolset => Toolsets.Space;

    public override string Name => "backlog_get_space";

    public override string Title => "Show the space";

    public override string Description => "Show the Backlog space: its key, name, language, time zone and text formatting rule (markdown or backlog).";

    public override JsonObject InputSchema => Schema.Input([]);

    public override JsonObject OutputSchema => Schema.Output(new JsonObject
    {
        ["spaceKey"] = Schema.Nullable("string"),
        ["name"] = Schema.Nullable("string"),
        ["lang"] = Schema.Nullable("string"),
        ["timezone"] = Schema.Nullable("string"),
        ["textFormattingRule"] = Schema.Nullable("string"),
    }, "spaceKey", "name");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var space = await context.Api.GetAsync("/api/v2/space", null, NulabJsonContext.Default.NulabSpace, cancellationToken);
        var structured = new JsonObject
        {
            ["spaceKey"] = space.SpaceKey, ["name"] = space.Name, ["lang"] = space.Lang, ["timezone"] = space.Timezone, ["textFormattingRule"] = space.TextFormattingRule,
        };
        var details = new MarkdownTable("Field", "Value");
        details.Row("Key", NulabFormat.OrNone(space.SpaceKey));
        details.Row("Language", NulabFormat.OrNone(space.Lang));
        details.Row("Time zone", NulabFormat.OrNone(space.Timezone));
        details.Row("Text formatting", NulabFormat.OrNone(space.TextFormattingRule));
        var text = $"# Space — {space.Name}\n\n{details}" + NextHints.Block(("backlog_get_projects()", "the projects in the space"), ("backlog_get_myself()", "who this API key acts as"));
        return new ToolOutput(text, structured);
    }
}
