using System.Globalization;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_get_pull_request_comments, as Nulab's server names it (docs/backlog-mcp.md): a pull request's
/// comments by id window, as backlog_get_comments pages an issue's.</summary>
public sealed class GetPullRequestCommentsTool : NulabTool
{
    public override string Toolset => Toolsets.Git;

    public override string Name => "backlog_get_pull_request_comments";

    public override string Title => "List a pull request's comments";

    public override string Description => "List a pull request's comments, newest first by default (order asc for oldest first), count 1-100 (20), and minId/maxId (inclusive) to page by comment id.";

    public override JsonObject InputSchema => Schema.Input(RepositoryArguments.With(new JsonObject
    {
        ["count"] = Schema.WholeNumber("Comments per page, 1-100.", 1, 100, 20),
        ["order"] = Schema.Enum("Sort order by id.", ["asc", "desc"], "desc"),
        ["minId"] = Schema.WholeNumber("Smallest comment id (inclusive).", 1),
        ["maxId"] = Schema.WholeNumber("Largest comment id (inclusive).", 1),
    }, number: true), RepositoryArguments.Required(number: true));

    public override JsonObject OutputSchema => Schema.Output(new JsonObject
    {
        ["comments"] = Schema.ArrayOf(Schema.Output(new JsonObject
        {
            ["id"] = Schema.Type("integer"), ["content"] = Schema.Nullable("string"), ["createdBy"] = Schema.Nullable("string"), ["created"] = Schema.Nullable("string"),
        }, "id")),
    }, "comments");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var (path, shown) = RepositoryArguments.Read(args);
        var number = RepositoryArguments.ReadNumber(args);
        var (minId, maxId) = (args.WholeNumber("minId", 1, int.MaxValue), args.WholeNumber("maxId", 1, int.MaxValue));
        if (minId > maxId) throw ToolArgs.Invalid($"minId ({minId}) is above maxId ({maxId}).");
        var query = new NulabQuery().Add("count", args.WholeNumber("count", 1, 100) ?? 20).Add("order", args.Choice("order", ["asc", "desc"]) ?? "desc").Add("minId", minId).Add("maxId", maxId);
        var comments = await context.Api.GetAsync($"{path}/pullRequests/{number}/comments", query, NulabJsonContext.Default.ListNulabPullRequestComment, cancellationToken);
        var structured = new JsonObject
        {
            ["comments"] = new JsonArray([.. comments.Select(c => (JsonNode)new JsonObject { ["id"] = c.Id, ["content"] = c.Content, ["createdBy"] = c.CreatedUser?.Name, ["created"] = c.Created })]),
        };
        var text = $"# Comments — {shown} #{number}\n\n";
        if (comments.Count == 0) return new ToolOutput(text + "_No comments._", structured);
        foreach (var c in comments)
            text += $"### {NulabFormat.OrNone(c.CreatedUser?.Name)} — {NulabFormat.Date(c.Created)} (id {c.Id.ToString(CultureInfo.InvariantCulture)})\n\n{c.Content}\n\n";
        return new ToolOutput(text.TrimEnd() + "\n", structured);
    }
}
