using System.Globalization;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_get_notifications, as Nulab's server names it (docs/backlog-mcp.md): the API key's user's
/// notifications, newest first, paged by id window; each says why it came (Backlog's reason numbers, named).</summary>
public sealed class GetNotificationsTool : NulabTool
{
    public override string Toolset => Toolsets.Notifications;

    public override string Name => "backlog_get_notifications";

    public override string Title => "List my notifications";

    public override string Description => "List the notifications of the user this API key acts as, newest first (order asc for oldest first): why each came (assigned, commented, …), from whom, about which issue or pull request, and whether it was read. count 1-100 (20); minId/maxId (inclusive) page by id.";

    public override JsonObject InputSchema => Schema.Input(new JsonObject
    {
        ["count"] = Schema.WholeNumber("Notifications per page, 1-100.", 1, 100, 20),
        ["order"] = Schema.Enum("Sort order by id.", ["asc", "desc"], "desc"),
        ["minId"] = Schema.WholeNumber("Smallest notification id (inclusive).", 1),
        ["maxId"] = Schema.WholeNumber("Largest notification id (inclusive).", 1),
    });

    public override JsonObject OutputSchema => Schema.Output(new JsonObject
    {
        ["notifications"] = Schema.ArrayOf(Schema.Output(new JsonObject
        {
            ["id"] = Schema.Type("integer"), ["reason"] = Schema.Type("integer"), ["reasonName"] = Schema.Type("string"), ["alreadyRead"] = Schema.Type("boolean"),
            ["sender"] = Schema.Nullable("string"), ["projectKey"] = Schema.Nullable("string"), ["issueKey"] = Schema.Nullable("string"),
            ["pullRequestNumber"] = Schema.Nullable("integer"), ["summary"] = Schema.Nullable("string"), ["created"] = Schema.Nullable("string"),
        }, "id", "reason", "reasonName", "alreadyRead")),
    }, "notifications");

    /// <summary>Backlog's notification reasons (Nulab's API reference, "Get Notification").</summary>
    public static string ReasonName(int reason) => reason switch
    {
        1 => "assigned to an issue",
        2 => "issue commented",
        3 => "issue created",
        4 => "issue updated",
        5 => "file added",
        6 => "added to a project",
        9 => "other",
        10 => "assigned to a pull request",
        11 => "pull request commented",
        12 => "pull request added",
        13 => "pull request updated",
        _ => $"reason {reason.ToString(CultureInfo.InvariantCulture)}",
    };

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var (minId, maxId) = (args.WholeNumber("minId", 1, int.MaxValue), args.WholeNumber("maxId", 1, int.MaxValue));
        if (minId > maxId) throw ToolArgs.Invalid($"minId ({minId}) is above maxId ({maxId}).");
        var query = new NulabQuery().Add("count", args.WholeNumber("count", 1, 100) ?? 20).Add("order", args.Choice("order", ["asc", "desc"]) ?? "desc").Add("minId", minId).Add("maxId", maxId);
        var notifications = await context.Api.GetAsync("/api/v2/notifications", query, NulabJsonContext.Default.ListNulabNotification, cancellationToken);
        var structured = new JsonObject
        {
            ["notifications"] = new JsonArray([.. notifications.Select(n => (JsonNode)new JsonObject
            {
                ["id"] = n.Id, ["reason"] = n.Reason, ["reasonName"] = ReasonName(n.Reason), ["alreadyRead"] = n.AlreadyRead, ["sender"] = n.Sender?.Name,
                ["projectKey"] = n.Project?.ProjectKey, ["issueKey"] = n.Issue?.IssueKey, ["pullRequestNumber"] = n.PullRequest?.Number,
                ["summary"] = n.Issue?.Summary ?? n.PullRequest?.Summary, ["created"] = n.Created,
            })]),
        };
        var text = "# My notifications\n\n";
        if (notifications.Count == 0) return new ToolOutput(text + "_No notifications._", structured);
        var table = new MarkdownTable("ID", "Why", "From", "About", "Read", "When");
        foreach (var n in notifications)
        {
            var about = n.Issue?.IssueKey is { } key ? $"{key} {n.Issue.Summary}" : n.PullRequest is { } pull ? $"{n.Project?.ProjectKey} PR #{pull.Number} {pull.Summary}" : NulabFormat.None;
            table.Row(n.Id.ToString(CultureInfo.InvariantCulture), ReasonName(n.Reason), NulabFormat.OrNone(n.Sender?.Name), about, n.AlreadyRead ? "yes" : "no", NulabFormat.Date(n.Created));
        }
        return new ToolOutput(text + table, structured);
    }
}
