using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_count_notifications, as Nulab's server names it (docs/backlog-mcp.md): how many notifications the
/// API key's user has, optionally only unread (alreadyRead false) ones.</summary>
public sealed class CountNotificationsTool : NulabTool
{
    public override string Toolset => Toolsets.Notifications;

    public override string Name => "backlog_count_notifications";

    public override string Title => "Count my notifications";

    public override string Description => "Count the notifications of the user this API key acts as; alreadyRead false counts the unread ones, resourceAlreadyRead false those whose issue or pull request was not opened since.";

    public override JsonObject InputSchema => Schema.Input(new JsonObject
    {
        ["alreadyRead"] = Schema.Bool("Only notifications read (true) or not read (false)."),
        ["resourceAlreadyRead"] = Schema.Bool("Only those whose issue or pull request was (true) or was not (false) opened since."),
    });

    public override JsonObject OutputSchema => Schema.Output(new JsonObject { ["count"] = Schema.Type("integer") }, "count");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var query = new NulabQuery().Add("alreadyRead", args.Bool("alreadyRead")).Add("resourceAlreadyRead", args.Bool("resourceAlreadyRead"));
        var count = await context.Api.GetAsync("/api/v2/notifications/count", query, NulabJsonContext.Default.NulabCount, cancellationToken);
        return new ToolOutput($"# My notifications\n\n**{count.Count}** notification(s) match.", new JsonObject { ["count"] = count.Count });
    }
}
