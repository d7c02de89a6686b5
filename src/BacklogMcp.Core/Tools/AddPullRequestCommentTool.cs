using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_add_pull_request_comment, as Nulab's server names it (docs/backlog-mcp.md). Only when
/// BACKLOG_ENABLE_WRITES=true.</summary>
public sealed class AddPullRequestCommentTool : NulabTool
{
    public override string Toolset => Toolsets.Git;

    public override string Name => "backlog_add_pull_request_comment";

    public override string Title => "Comment on a pull request";

    public override string Description => "Add a comment to a pull request.";

    public override ToolHints Hints => new(ReadOnly: false, Destructive: false, Idempotent: false);

    public override JsonObject InputSchema => Schema.Input(RepositoryArguments.With(new JsonObject { ["content"] = Schema.Text("The comment text.", 1) }, number: true),
        [.. RepositoryArguments.Required(number: true), "content"]);

    public override JsonObject OutputSchema => Schema.Output(new JsonObject { ["commentId"] = Schema.Type("integer"), ["created"] = Schema.Nullable("string") }, "commentId");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var (path, shown) = RepositoryArguments.Read(args);
        var number = RepositoryArguments.ReadNumber(args);
        var comment = await context.Api.SendFormAsync(HttpMethod.Post, $"{path}/pullRequests/{number}/comments", new WriteForm().Add("content", args.RequiredString("content")).Fields,
            NulabJsonContext.Default.NulabPullRequestComment, cancellationToken);
        return new ToolOutput($"# Comment Added\n\n**Pull request:** {shown} #{number}\n**Comment #{comment.Id}** — {NulabFormat.Date(comment.Created)}",
            new JsonObject { ["commentId"] = comment.Id, ["created"] = comment.Created });
    }
}
