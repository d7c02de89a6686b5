using System.Globalization;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_get_pull_requests, as Nulab's server names it (docs/backlog-mcp.md): a repository's pull requests,
/// newest first, by status (ids or names), with the total that match and the next offset.</summary>
public sealed class GetPullRequestsTool : NulabTool
{
    public override string Toolset => Toolsets.Git;

    public override string Name => "backlog_get_pull_requests";

    public override string Title => "List pull requests";

    public override string Description => "List a repository's pull requests, newest first, optionally by status (1 Open, 2 Closed, 3 Merged, by id or name); shows the total that match. Page with offset and count (1-100, default 20).";

    public override JsonObject InputSchema => Schema.Input(RepositoryArguments.With(new JsonObject
    {
        ["statusId"] = RepositoryArguments.StatusSchema,
        ["count"] = Schema.WholeNumber("Pull requests per page, 1-100.", 1, 100, 20),
        ["offset"] = Schema.WholeNumber("How many matching pull requests to skip.", 0, null, 0),
    }), RepositoryArguments.Required());

    public override JsonObject OutputSchema => Schema.Output(new JsonObject
    {
        ["pullRequests"] = Schema.ArrayOf(PullRequestJson.Schema()),
        ["total"] = Schema.Type("integer"),
        ["nextOffset"] = Schema.Nullable("integer"),
    }, "pullRequests", "total", "nextOffset");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var (path, shown) = RepositoryArguments.Read(args);
        var statuses = RepositoryArguments.Statuses(args);
        var count = args.WholeNumber("count", 1, 100) ?? 20;
        var offset = args.WholeNumber("offset", 0, int.MaxValue) ?? 0;
        var filter = new NulabQuery().AddArray("statusId", statuses);
        var page = new NulabQuery().AddArray("statusId", statuses).Add("count", count).Add("offset", offset);
        var pullsTask = context.Api.GetAsync(path + "/pullRequests", page, NulabJsonContext.Default.ListNulabPullRequest, cancellationToken);
        var totalTask = context.Api.GetAsync(path + "/pullRequests/count", filter, NulabJsonContext.Default.NulabCount, cancellationToken);
        var pulls = await pullsTask;
        var total = (await totalTask).Count;
        int? next = offset + pulls.Count < total ? offset + pulls.Count : null;
        var structured = new JsonObject { ["pullRequests"] = new JsonArray([.. pulls.Select(p => (JsonNode)PullRequestJson.Of(p))]), ["total"] = total, ["nextOffset"] = next };
        var text = $"# Pull requests — {shown}\n\n**Total matching:** {total}\n\n";
        if (pulls.Count == 0) return new ToolOutput(text + "_No pull requests match._", structured);
        var table = new MarkdownTable("#", "Summary", "Status", "Branch", "Assignee", "Issue", "Updated");
        foreach (var p in pulls)
            table.Row(p.Number.ToString(CultureInfo.InvariantCulture), p.Summary, NulabFormat.OrNone(p.Status?.Name), $"{p.Branch} → {p.Base}", NulabFormat.OrNone(p.Assignee?.Name), NulabFormat.OrNone(p.Issue?.IssueKey), NulabFormat.Date(p.Updated));
        var (project, repository) = (args.RequiredString(ProjectArgument.Name), args.RequiredString(RepositoryArguments.Repository));
        var hints = new List<(string, string)> { ($"backlog_get_pull_request(projectIdOrKey: {NextHints.Quote(project)}, repoIdOrName: {NextHints.Quote(repository)}, number: {pulls[0].Number})", $"read #{pulls[0].Number}") };
        if (next is { } nextOffset) hints.Add(($"backlog_get_pull_requests(projectIdOrKey: {NextHints.Quote(project)}, repoIdOrName: {NextHints.Quote(repository)}, offset: {nextOffset}, count: {count})", "the next page"));
        return new ToolOutput(text + table + NextHints.Block([.. hints]), structured);
    }
}
