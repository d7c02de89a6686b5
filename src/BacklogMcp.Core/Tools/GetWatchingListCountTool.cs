using System.Globalization;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_get_watching_list_count, as Nulab's server names it (docs/backlog-mcp.md).</summary>
public sealed class GetWatchingListCountTool : NulabTool
{
    public override string Name => "backlog_get_watching_list_count";

    public override string Title => "Count watched issues";

    public override string Description => "Count the issues a user watches (default: the user this API key acts as); resourceAlreadyRead false counts those changed since last opened.";

    public override JsonObject InputSchema => Schema.Input(WatchingArguments.With([]));

    public override JsonObject OutputSchema => Schema.Output(new JsonObject { ["userId"] = Schema.Type("integer"), ["count"] = Schema.Type("integer") }, "userId", "count");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var user = await WatchingArguments.UserAsync(args, context, cancellationToken);
        var count = await context.Api.GetAsync($"/api/v2/users/{user}/watchings/count", new NulabQuery().Add("resourceAlreadyRead", args.Bool("resourceAlreadyRead")), NulabJsonContext.Default.NulabCount, cancellationToken);
        return new ToolOutput($"# Watched issues — user {user.ToString(CultureInfo.InvariantCulture)}\n\n**{count.Count}** watched issue(s) match.", new JsonObject { ["userId"] = user, ["count"] = count.Count });
    }
}
