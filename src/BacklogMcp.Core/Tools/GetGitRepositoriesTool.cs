using System.Globalization;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_get_git_repositories, as Nulab's server names it (docs/backlog-mcp.md): a project's Git repositories.</summary>
public sealed class GetGitRepositoriesTool : NulabTool
{
    public override string Toolset => Toolsets.Git;

    public override string Name => "backlog_get_git_repositories";

    public override string Title => "List a project's Git repositories";

    public override string Description => "List a project's Git repositories: id, name, description, clone URLs and the last push.";

    public override JsonObject InputSchema => Schema.Input(new JsonObject { [ProjectArgument.Name] = ProjectArgument.Schema() }, ProjectArgument.Name);

    public override JsonObject OutputSchema => ProjectArgument.RowsSchema("repositories", RepositoryJson.Schema());

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var project = ProjectArgument.Read(args);
        var repositories = await context.Api.GetAsync($"/api/v2/projects/{ToolContext.Segment(project)}/git/repositories", null, NulabJsonContext.Default.ListNulabRepository, cancellationToken);
        var rows = new JsonArray([.. repositories.Select(r => (JsonNode)RepositoryJson.Of(r))]);
        var text = $"# Git repositories — {project}\n\n**Total:** {repositories.Count} repository(ies)\n\n";
        if (repositories.Count == 0) return new ToolOutput(text + "_No Git repositories in this project._", ProjectArgument.Rows(project, "repositories", rows));
        var table = new MarkdownTable("ID", "Name", "Description", "Last Push");
        foreach (var r in repositories) table.Row(r.Id.ToString(CultureInfo.InvariantCulture), r.Name, NulabFormat.OrNone(r.Description), NulabFormat.Date(r.PushedAt));
        text += table + NextHints.Block(($"backlog_get_pull_requests(projectIdOrKey: {NextHints.Quote(project)}, repoIdOrName: {NextHints.Quote(repositories[0].Name ?? "")})", $"pull requests of {repositories[0].Name}"));
        return new ToolOutput(text, ProjectArgument.Rows(project, "repositories", rows));
    }
}
