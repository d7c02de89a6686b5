using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_add_pull_request, as Nulab's server names it (docs/backlog-mcp.md): opens a pull request from a
/// branch into a base, optionally linked to an issue (by key) and assigned. Only when BACKLOG_ENABLE_WRITES=true.</summary>
public sealed class AddPullRequestTool : NulabTool
{
    public override string Toolset => Toolsets.Git;

    public override string Name => "backlog_add_pull_request";

    public override string Title => "Open a pull request";

    public override string Description => "Open a pull request in a repository: summary, description, base and branch; optionally the issue it resolves (key) and an assignee (user id).";

    public override ToolHints Hints => new(ReadOnly: false, Destructive: false, Idempotent: false);

    public override JsonObject InputSchema => Schema.Input(RepositoryArguments.With(new JsonObject
    {
        ["summary"] = Schema.Text("The pull request's title.", 1),
        ["description"] = Schema.Text("What it changes."),
        ["base"] = Schema.Text("The branch it merges into, e.g. main.", 1),
        ["branch"] = Schema.Text("The branch it merges from.", 1),
        ["issueIdOrKey"] = Schema.Text("The issue it resolves, e.g. PROJ-12."),
        ["assigneeId"] = Schema.WholeNumber("The reviewer's user id (backlog_get_users).", 1),
    }), [.. RepositoryArguments.Required(), "summary", "base", "branch"]);

    public override JsonObject OutputSchema => PullRequestJson.Schema();

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var (path, shown) = RepositoryArguments.Read(args);
        var form = new WriteForm().Add("summary", args.RequiredString("summary")).Add("description", args.Text("description") ?? "")
            .Add("base", args.RequiredString("base")).Add("branch", args.RequiredString("branch"))
            .Add("issueId", await IssueIdAsync(args, context, cancellationToken)).Add("assigneeId", args.WholeNumber("assigneeId", 1, int.MaxValue));
        var pull = await context.Api.SendFormAsync(HttpMethod.Post, path + "/pullRequests", form.Fields, NulabJsonContext.Default.NulabPullRequest, cancellationToken);
        return new ToolOutput($"# Pull Request Opened\n\n**{shown} #{pull.Number}** {pull.Summary} ({pull.Branch} → {pull.Base})", PullRequestJson.Of(pull));
    }

    /// <summary>The numeric id of the issue named by key (the API takes ids only), or null when none is named.</summary>
    internal static async Task<int?> IssueIdAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken) =>
        args.Text("issueIdOrKey") is { Length: > 0 } issue
            ? (await context.Api.GetAsync($"/api/v2/issues/{ToolContext.Segment(issue)}", null, NulabJsonContext.Default.NulabIssue, cancellationToken)).Id
            : null;
}

/// <summary>backlog_update_pull_request, as Nulab's server names it (docs/backlog-mcp.md). Only when
/// BACKLOG_ENABLE_WRITES=true.</summary>
public sealed class UpdatePullRequestTool : NulabTool
{
    public override string Toolset => Toolsets.Git;

    public override string Name => "backlog_update_pull_request";

    public override string Title => "Edit a pull request";

    public override string Description => "Change a pull request's summary, description, linked issue (key) or assignee (user id), with an optional comment saying why.";

    public override ToolHints Hints => new(ReadOnly: false, Destructive: true, Idempotent: true);

    public override JsonObject InputSchema => Schema.Input(RepositoryArguments.With(new JsonObject
    {
        ["summary"] = Schema.Text("A new title.", 1),
        ["description"] = Schema.Text("A new description, replacing the old one."),
        ["issueIdOrKey"] = Schema.Text("The issue it resolves, e.g. PROJ-12."),
        ["assigneeId"] = Schema.WholeNumber("The reviewer's user id.", 1),
        ["comment"] = Schema.Text("A comment recorded with the change."),
    }, number: true), RepositoryArguments.Required(number: true));

    public override JsonObject OutputSchema => PullRequestJson.Schema();

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var (path, shown) = RepositoryArguments.Read(args);
        var number = RepositoryArguments.ReadNumber(args);
        var form = new WriteForm().Add("summary", args.Text("summary")).Add("description", args.Text("description"))
            .Add("issueId", await AddPullRequestTool.IssueIdAsync(args, context, cancellationToken)).Add("assigneeId", args.WholeNumber("assigneeId", 1, int.MaxValue)).Add("comment", args.Text("comment"));
        if (form.IsEmpty) throw ToolArgs.Invalid("give at least one of summary, description, issueIdOrKey, assigneeId, comment.");
        var pull = await context.Api.SendFormAsync(HttpMethod.Patch, $"{path}/pullRequests/{number}", form.Fields, NulabJsonContext.Default.NulabPullRequest, cancellationToken);
        return new ToolOutput($"# Pull Request Updated\n\n**{shown} #{pull.Number}** {pull.Summary} — {NulabFormat.Date(pull.Updated)}", PullRequestJson.Of(pull));
    }
}

/// <summary>backlog_update_pull_request_comment, as Nulab's server names it (docs/backlog-mcp.md): replaces a comment's
/// text (its author only). Only when BACKLOG_ENABLE_WRITES=true.</summary>
public sealed class UpdatePullRequestCommentTool : NulabTool
{
    public override string Toolset => Toolsets.Git;

    public override string Name => "backlog_update_pull_request_comment";

    public override string Title => "Edit a pull request comment";

    public override string Description => "Replace the text of one of a pull request's comments (only its author may).";

    public override ToolHints Hints => new(ReadOnly: false, Destructive: true, Idempotent: true);

    public override JsonObject InputSchema => Schema.Input(RepositoryArguments.With(new JsonObject
    {
        ["commentId"] = Schema.WholeNumber("The comment's id.", 1),
        ["content"] = Schema.Text("The comment's new text.", 1),
    }, number: true), [.. RepositoryArguments.Required(number: true), "commentId", "content"]);

    public override JsonObject OutputSchema => Schema.Output(new JsonObject { ["commentId"] = Schema.Type("integer"), ["updated"] = Schema.Nullable("string") }, "commentId");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var (path, shown) = RepositoryArguments.Read(args);
        var number = RepositoryArguments.ReadNumber(args);
        var id = args.WholeNumber("commentId", 1, int.MaxValue) ?? throw ToolArgs.Invalid("commentId is required.");
        var comment = await context.Api.SendFormAsync(HttpMethod.Patch, $"{path}/pullRequests/{number}/comments/{id}", new WriteForm().Add("content", args.RequiredString("content")).Fields,
            NulabJsonContext.Default.NulabPullRequestComment, cancellationToken);
        return new ToolOutput($"# Comment Edited\n\n**{shown} #{number}**, comment #{comment.Id} — {NulabFormat.Date(comment.Updated)}", new JsonObject { ["commentId"] = comment.Id, ["updated"] = comment.Updated });
    }
}
