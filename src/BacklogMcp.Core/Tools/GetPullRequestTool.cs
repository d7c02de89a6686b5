using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_get_pull_request, as Nulab's server names it (docs/backlog-mcp.md): one pull request by number.</summary>
public sealed class GetPullRequestTool : NulabTool
{
    public override string Toolset => Toolsets.Git;

    public override string Name => "backlog_get_pull_request";

    public override string Title => "Show a pull request";

    public override string Description => "Show one pull request by its number: summary, description, status, branches, assignee and the issue it is linked to.";

    public override JsonObject InputSchema => Schema.Input(RepositoryArguments.With([], number: true), RepositoryArguments.Required(number: true));

    public override JsonObject OutputSchema
    {
        get
        {
            var schema = PullRequestJson.Schema();
            schema["properties"]!["description"] = Schema.Nullable("string");
            return schema;
        }
    }

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var (path, shown) = RepositoryArguments.Read(args);
        var number = RepositoryArguments.ReadNumber(args);
        var pull = await context.Api.GetAsync($"{path}/pullRequests/{number}", null, NulabJsonContext.Default.NulabPullRequest, cancellationToken);
        var structured = PullRequestJson.Of(pull);
        structured["description"] = pull.Description;
        var details = new MarkdownTable("Field", "Value");
        details.Row("Status", NulabFormat.OrNone(pull.Status?.Name));
        details.Row("Branch", $"{pull.Branch} → {pull.Base}");
        details.Row("Assignee", NulabFormat.OrNone(pull.Assignee?.Name));
        details.Row("Issue", NulabFormat.OrNone(pull.Issue?.IssueKey));
        details.Row("Created", $"{NulabFormat.Date(pull.Created)} by {NulabFormat.OrNone(pull.CreatedUser?.Name)}");
        details.Row("Updated", NulabFormat.Date(pull.Updated));
        var text = $"# Pull request #{pull.Number} — {pull.Summary}\n\n**Repository:** {shown}\n\n{details}\n## Description\n\n{(string.IsNullOrWhiteSpace(pull.Description) ? "_None._" : pull.Description)}\n"
            + NextHints.Block(($"backlog_get_pull_request_comments(projectIdOrKey: {NextHints.Quote(args.RequiredString(ProjectArgument.Name))}, repoIdOrName: {NextHints.Quote(args.RequiredString(RepositoryArguments.Repository))}, number: {pull.Number})", "its comments"));
        return new ToolOutput(text, structured);
    }
}
