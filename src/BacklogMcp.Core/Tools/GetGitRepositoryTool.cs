using System.Globalization;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_get_git_repository, as Nulab's server names it (docs/backlog-mcp.md): one repository by name or id.</summary>
public sealed class GetGitRepositoryTool : NulabTool
{
    public override string Toolset => Toolsets.Git;

    public override string Name => "backlog_get_git_repository";

    public override string Title => "Show a Git repository";

    public override string Description => "Show one Git repository of a project, by name or id: its description, clone URLs and last push.";

    public override JsonObject InputSchema => Schema.Input(RepositoryArguments.With([]), RepositoryArguments.Required());

    public override JsonObject OutputSchema => RepositoryJson.Schema();

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var (path, shown) = RepositoryArguments.Read(args);
        var repository = await context.Api.GetAsync(path, null, NulabJsonContext.Default.NulabRepository, cancellationToken);
        var details = new MarkdownTable("Field", "Value");
        details.Row("ID", repository.Id.ToString(CultureInfo.InvariantCulture));
        details.Row("Description", NulabFormat.OrNone(repository.Description));
        details.Row("HTTP clone", NulabFormat.OrNone(repository.HttpUrl));
        details.Row("SSH clone", NulabFormat.OrNone(repository.SshUrl));
        details.Row("Last push", NulabFormat.Date(repository.PushedAt));
        var text = $"# Git repository — {shown}\n\n{details}" + NextHints.Block(($"backlog_get_pull_requests(projectIdOrKey: {NextHints.Quote(shown.Split('/')[0])}, repoIdOrName: {NextHints.Quote(repository.Name ?? "")})", "its pull requests"));
        return new ToolOutput(text, RepositoryJson.Of(repository));
    }
}
