using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_add_comment: only when BACKLOG_ENABLE_WRITES=true.</summary>
public sealed class AddCommentTool : NulabTool
{
    public override string Name => "backlog_add_comment";

    public override string Title => "Comment on a Backlog issue";

    public override string Description => "Add a comment to an issue. Returns the comment's id.";

    public override ToolHints Hints => new(ReadOnly: false, Destructive: false, Idempotent: false);

    public override JsonObject InputSchema => Schema.Input(new JsonObject
    {
        ["issueIdOrKey"] = Schema.Text("Issue key such as \"PROJ-123\", or the numeric issue id.", 1),
        ["content"] = Schema.Text("The comment text.", 1),
    }, "issueIdOrKey", "content");

    public override JsonObject OutputSchema => Schema.Output(new JsonObject
    {
        ["issueIdOrKey"] = Schema.Type("string"), ["commentId"] = Schema.Type("integer"), ["created"] = Schema.Nullable("string"),
    }, "issueIdOrKey", "commentId");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var key = args.RequiredString("issueIdOrKey");
        var content = args.RequiredString("content");
        var comment = await context.Api.SendFormAsync(HttpMethod.Post, $"/api/v2/issues/{ToolContext.Segment(key)}/comments", new WriteForm().Add("content", content).Fields, NulabJsonContext.Default.NulabComment, cancellationToken);
        var text = $"# Comment Added\n\n**Issue:** {key}\n**Comment #{comment.Id}** by **{comment.CreatedUser?.Name ?? "Unknown"}** — {NulabFormat.Date(comment.Created)}"
            + NextHints.Block(($"backlog_get_comments(issueIdOrKey: {NextHints.Quote(key)})", "the discussion"));
        return new ToolOutput(text, new JsonObject { ["issueIdOrKey"] = key, ["commentId"] = comment.Id, ["created"] = comment.Created });
    }
}
