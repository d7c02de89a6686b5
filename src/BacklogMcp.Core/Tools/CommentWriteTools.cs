using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_update_issue_comment, as Nulab's server names it (docs/backlog-mcp.md): replaces a comment's text
/// (Backlog lets only its author do it). Only when BACKLOG_ENABLE_WRITES=true.</summary>
public sealed class UpdateIssueCommentTool : NulabTool
{
    public override string Name => "backlog_update_issue_comment";

    public override string Title => "Edit a comment";

    public override string Description => "Replace the text of one of an issue's comments (only its author may). backlog_get_comments gives the ids.";

    public override ToolHints Hints => new(ReadOnly: false, Destructive: true, Idempotent: true);

    public override JsonObject InputSchema => Schema.Input(new JsonObject
    {
        ["issueIdOrKey"] = Schema.Text("Issue key such as \"PROJ-123\", or the numeric issue id.", 1),
        ["commentId"] = Schema.WholeNumber("The comment's id.", 1),
        ["content"] = Schema.Text("The comment's new text.", 1),
    }, "issueIdOrKey", "commentId", "content");

    public override JsonObject OutputSchema => Schema.Output(new JsonObject
    {
        ["issueIdOrKey"] = Schema.Type("string"), ["commentId"] = Schema.Type("integer"), ["updated"] = Schema.Nullable("string"),
    }, "issueIdOrKey", "commentId");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var key = args.RequiredString("issueIdOrKey");
        var id = args.WholeNumber("commentId", 1, int.MaxValue) ?? throw ToolArgs.Invalid("commentId is required.");
        var content = args.RequiredString("content");
        var comment = await context.Api.SendFormAsync(HttpMethod.Patch, $"/api/v2/issues/{ToolContext.Segment(key)}/comments/{id}", new WriteForm().Add("content", content).Fields, NulabJsonContext.Default.NulabComment, cancellationToken);
        return new ToolOutput($"# Comment Edited\n\n**Issue:** {key}\n**Comment #{comment.Id}** — {NulabFormat.Date(comment.Updated)}",
            new JsonObject { ["issueIdOrKey"] = key, ["commentId"] = comment.Id, ["updated"] = comment.Updated });
    }
}

/// <summary>backlog_delete_issue_comment: deletes a comment (only its author may); the answer keeps its text, so what
/// was deleted is not lost to the conversation. Only when BACKLOG_ENABLE_WRITES=true.</summary>
public sealed class DeleteIssueCommentTool : NulabTool
{
    public override string Name => "backlog_delete_issue_comment";

    public override string Title => "Delete a comment";

    public override string Description => "Delete one of an issue's comments (only its author may). The answer repeats the deleted text.";

    public override ToolHints Hints => new(ReadOnly: false, Destructive: true, Idempotent: false);

    public override JsonObject InputSchema => Schema.Input(new JsonObject
    {
        ["issueIdOrKey"] = Schema.Text("Issue key such as \"PROJ-123\", or the numeric issue id.", 1),
        ["commentId"] = Schema.WholeNumber("The comment's id.", 1),
    }, "issueIdOrKey", "commentId");

    public override JsonObject OutputSchema => Schema.Output(new JsonObject
    {
        ["issueIdOrKey"] = Schema.Type("string"), ["commentId"] = Schema.Type("integer"), ["deletedContent"] = Schema.Nullable("string"),
    }, "issueIdOrKey", "commentId");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var key = args.RequiredString("issueIdOrKey");
        var id = args.WholeNumber("commentId", 1, int.MaxValue) ?? throw ToolArgs.Invalid("commentId is required.");
        var comment = await context.Api.SendFormAsync(HttpMethod.Delete, $"/api/v2/issues/{ToolContext.Segment(key)}/comments/{id}", [], NulabJsonContext.Default.NulabComment, cancellationToken);
        return new ToolOutput($"# Comment Deleted\n\n**Issue:** {key}\n**Comment #{comment.Id}** said:\n\n{comment.Content}",
            new JsonObject { ["issueIdOrKey"] = key, ["commentId"] = comment.Id, ["deletedContent"] = comment.Content });
    }
}
