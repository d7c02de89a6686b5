using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_get_comments (docs/reference/nulab-backlog.md §1.6.3): comments with their change logs, paged by id window.</summary>
public sealed class GetCommentsTool : NulabTool
{
    public override string Name => "backlog_get_comments";

    public override string Title => "Get comments of a Backlog issue";

    public override string Description =>
        "Get an issue's comments with author, date, text and field changes (status, assignee, attachments, …). "
        + "Page by id: in desc order (newest first, the default) the next page uses maxId = lowest id shown − 1; in asc order, minId = highest id shown + 1. "
        + "The result gives the next window.";

    public override JsonObject InputSchema => Schema.Input(new JsonObject
    {
        ["issueIdOrKey"] = Schema.Text("Issue key such as \"PROJ-123\", or the numeric issue id.", 1),
        ["count"] = Schema.WholeNumber("Comments per page, 1-100.", 1, 100, 20),
        ["order"] = Schema.Enum("desc: newest first; asc: oldest first.", ["asc", "desc"], "desc"),
        ["minId"] = Schema.WholeNumber("Only comments with this id or higher.", 1),
        ["maxId"] = Schema.WholeNumber("Only comments with this id or lower.", 1),
    }, "issueIdOrKey");

    public override JsonObject OutputSchema => Schema.Output(new JsonObject
    {
        ["issueIdOrKey"] = Schema.Type("string"),
        ["order"] = Schema.Type("string"),
        ["comments"] = Schema.ArrayOf(Schema.Output(new JsonObject
        {
            ["id"] = Schema.Type("integer"),
            ["author"] = Schema.Nullable("string"),
            ["content"] = Schema.Nullable("string"),
            ["created"] = Schema.Nullable("string"),
            ["updated"] = Schema.Nullable("string"),
            ["changes"] = Schema.ArrayOf(Schema.Output(new JsonObject { ["field"] = Schema.Nullable("string"), ["from"] = Schema.Nullable("string"), ["to"] = Schema.Nullable("string") })),
        }, "id")),
        ["next"] = new JsonObject { ["type"] = new JsonArray("object", "null"), ["description"] = "Arguments for the next page (minId or maxId), or null when this page was not full." },
    }, "issueIdOrKey", "order", "comments");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var issue = args.RequiredString("issueIdOrKey");
        var count = args.WholeNumber("count", 1, 100) ?? 20;
        var order = args.Choice("order", ["asc", "desc"]) ?? "desc";
        var minId = args.WholeNumber("minId", 1, int.MaxValue);
        var maxId = args.WholeNumber("maxId", 1, int.MaxValue);
        if (minId > maxId)
            throw ToolArgs.Invalid($"minId ({minId}) is above maxId ({maxId}), so no comment can match; swap them, or give only one.");
        var query = new NulabQuery().Add("count", count).Add("order", order).Add("minId", minId).Add("maxId", maxId);
        var comments = await context.Api.GetAsync($"/api/v2/issues/{ToolContext.Segment(issue)}/comments", query, NulabJsonContext.Default.ListNulabComment, cancellationToken);

        JsonObject? next = null;
        if (comments.Count == count)
        {
            var last = comments[^1].Id;
            next = order == "desc" ? new JsonObject { ["maxId"] = last - 1 } : new JsonObject { ["minId"] = last + 1 };
        }
        var structured = new JsonObject
        {
            ["issueIdOrKey"] = issue,
            ["order"] = order,
            ["comments"] = new JsonArray([.. comments.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.Id,
                ["author"] = c.CreatedUser?.Name,
                ["content"] = c.Content,
                ["created"] = c.Created,
                ["updated"] = c.Updated,
                ["changes"] = new JsonArray([.. (c.ChangeLog ?? []).Select(ch => (JsonNode)new JsonObject { ["field"] = ch.Field, ["from"] = ch.OriginalValue, ["to"] = ch.NewValue })]),
            })]),
            ["next"] = next,
        };
        return new ToolOutput(Render(issue, order, count, comments), structured);
    }

    private static string Render(string issue, string order, int count, List<NulabComment> comments)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"# Comments — {issue}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"**Total returned:** {comments.Count} | **Order:** {(order == "desc" ? "newest first" : "oldest first")}\n\n");
        if (comments.Count == 0) return text.Append("_No comments found._").ToString();
        foreach (var comment in comments)
        {
            text.Append("---\n").Append(CultureInfo.InvariantCulture, $"**Comment #{comment.Id}** by **{comment.CreatedUser?.Name ?? "Unknown"}** — {NulabFormat.Date(comment.Created)}\n");
            if (comment.Updated is not null && comment.Updated != comment.Created) text.Append(CultureInfo.InvariantCulture, $"_(updated: {NulabFormat.Date(comment.Updated)})_\n");
            text.Append('\n');
            var changes = comment.ChangeLog ?? [];
            if (!string.IsNullOrWhiteSpace(comment.Content)) text.Append(comment.Content).Append("\n\n");
            else if (changes.Count == 0) text.Append("_No text content._\n\n");
            if (changes.Count > 0)
            {
                var table = new MarkdownTable("Field", "From", "To");
                foreach (var change in changes) table.Row(change.Field, NulabFormat.OrNone(change.OriginalValue), NulabFormat.OrNone(change.NewValue));
                text.Append("**Field changes:**\n\n").Append(table).Append("\n\n");
            }
        }
        var hints = new List<(string, string)> { ($"backlog_get_issue(issueIdOrKey: {NextHints.Quote(issue)})", "back to the issue") };
        if (comments.Count == count)
        {
            var last = comments[^1].Id;
            hints.Add(order == "desc"
                ? ($"backlog_get_comments(issueIdOrKey: {NextHints.Quote(issue)}, count: {count}, maxId: {last - 1})", "load older comments")
                : ($"backlog_get_comments(issueIdOrKey: {NextHints.Quote(issue)}, count: {count}, order: \"asc\", minId: {last + 1})", "load newer comments"));
        }
        return text.ToString().TrimEnd('\n') + NextHints.Block([.. hints]);
    }
}
