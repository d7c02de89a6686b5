using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_get_pull_requests_count, as Nulab's server names it (docs/backlog-mcp.md).</summary>
public sealed class GetPullRequestsCountTool : NulabTool
{
    public override string Toolset => Toolsets.Git;

    public override string Name => "backlog_get_pull_requests_count";

    public override string Title => "Count pull requests";

    public override string Description => "Count a repository's pull requests, optionally by status (1 Open, 2 Closed, 3 Merged, by id or name).";

    public override JsonObject InputSchema => Schema.Input(RepositoryArguments.With(new JsonObject { ["statusId"] = RepositoryArguments.StatusSchema }), RepositoryArguments.Required());

    public override JsonObject OutputSchema => Schema.Output(new JsonObject { ["count"] = Schema.Type("integer") }, "count");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var (path, shown) = RepositoryArguments.Read(args);
        var count = await context.Api.GetAsync(path + "/pullRequests/count", new NulabQuery().AddArray("statusId", RepositoryArguments.Statuses(args)), NulabJsonContext.Default.NulabCount, cancellationToken);
        return new ToolOutput($"# Pull requests — {shown}\n\n**{count.Count}** pull request(s) match.", new JsonObject { ["count"] = count.Count });
    }
}
