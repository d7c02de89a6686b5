using System.Globalization;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_mark_notification_as_read, as Nulab's server names it (docs/backlog-mcp.md). Only when
/// BACKLOG_ENABLE_WRITES=true.</summary>
public sealed class MarkNotificationAsReadTool : NulabTool
{
    public override string Toolset => Toolsets.Notifications;

    public override string Name => "backlog_mark_notification_as_read";

    public override string Title => "Mark a notification read";

    public override string Description => "Mark one of the API key's user's notifications as read (backlog_get_notifications gives the ids).";

    public override ToolHints Hints => new(ReadOnly: false, Destructive: false, Idempotent: true);

    public override JsonObject InputSchema => Schema.Input(new JsonObject { ["notificationId"] = Schema.WholeNumber("The notification's id.", 1) }, "notificationId");

    public override JsonObject OutputSchema => Schema.Output(new JsonObject { ["notificationId"] = Schema.Type("integer") }, "notificationId");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var id = args.WholeNumber("notificationId", 1, int.MaxValue) ?? throw ToolArgs.Invalid("notificationId is required.");
        await context.Api.SendFormNoContentAsync(HttpMethod.Post, $"/api/v2/notifications/{id}/markAsRead", [], cancellationToken);
        return new ToolOutput($"Notification {id.ToString(CultureInfo.InvariantCulture)} marked as read.", new JsonObject { ["notificationId"] = id });
    }
}

/// <summary>backlog_reset_unread_notification_count, as Nulab's server names it (docs/backlog-mcp.md): marks every
/// notification of the key's user read and says how many were unread. Only when BACKLOG_ENABLE_WRITES=true.</summary>
public sealed class ResetUnreadNotificationCountTool : NulabTool
{
    public override string Toolset => Toolsets.Notifications;

    public override string Name => "backlog_reset_unread_notification_count";

    public override string Title => "Mark every notification read";

    public override string Description => "Mark every notification of the API key's user as read; answers how many were unread.";

    public override ToolHints Hints => new(ReadOnly: false, Destructive: false, Idempotent: true);

    public override JsonObject InputSchema => Schema.Input([]);

    public override JsonObject OutputSchema => Schema.Output(new JsonObject { ["count"] = Schema.Type("integer") }, "count");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var count = await context.Api.SendFormAsync(HttpMethod.Post, "/api/v2/notifications/markAsRead", [], NulabJsonContext.Default.NulabCount, cancellationToken);
        return new ToolOutput($"{count.Count} unread notification(s) marked as read.", new JsonObject { ["count"] = count.Count });
    }
}
