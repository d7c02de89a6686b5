using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_add_watching, as Nulab's server names it (docs/backlog-mcp.md): the API key's user watches an issue.
/// Only when BACKLOG_ENABLE_WRITES=true.</summary>
public sealed class AddWatchingTool : NulabTool
{
    public override string Name => "backlog_add_watching";

    public override string Title => "Watch an issue";

    public override string Description => "Add an issue to the watching list of the user this API key acts as, with an optional note.";

    public override ToolHints Hints => new(ReadOnly: false, Destructive: false, Idempotent: false);

    public override JsonObject InputSchema => Schema.Input(new JsonObject
    {
        ["issueIdOrKey"] = Schema.Text("Issue key such as \"PROJ-123\", or the numeric issue id.", 1),
        ["note"] = Schema.Text("Why it is watched."),
    }, "issueIdOrKey");

    public override JsonObject OutputSchema => Schema.Output(new JsonObject { ["watchingId"] = Schema.Type("integer"), ["issueKey"] = Schema.Nullable("string") }, "watchingId");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var form = new WriteForm().Add("issueIdOrKey", args.RequiredString("issueIdOrKey").Trim()).Add("note", args.Text("note"));
        var watching = await context.Api.SendFormAsync(HttpMethod.Post, "/api/v2/watchings", form.Fields, NulabJsonContext.Default.NulabWatching, cancellationToken);
        return new ToolOutput($"# Watching\n\n**{watching.Issue?.IssueKey}** is on the watching list (watching id {watching.Id}).",
            new JsonObject { ["watchingId"] = watching.Id, ["issueKey"] = watching.Issue?.IssueKey });
    }
}

/// <summary>backlog_delete_watching, as Nulab's server names it (docs/backlog-mcp.md). Only when BACKLOG_ENABLE_WRITES=true.</summary>
public sealed class DeleteWatchingTool : NulabTool
{
    public override string Name => "backlog_delete_watching";

    public override string Title => "Stop watching an issue";

    public override string Description => "Remove an item from the watching list (backlog_get_watching_list_items gives the ids).";

    public override ToolHints Hints => new(ReadOnly: false, Destructive: true, Idempotent: false);

    public override JsonObject InputSchema => Schema.Input(new JsonObject { ["watchingId"] = Schema.WholeNumber("The watching item's id.", 1) }, "watchingId");

    public override JsonObject OutputSchema => Schema.Output(new JsonObject { ["watchingId"] = Schema.Type("integer"), ["issueKey"] = Schema.Nullable("string") }, "watchingId");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var id = args.WholeNumber("watchingId", 1, int.MaxValue) ?? throw ToolArgs.Invalid("watchingId is required.");
        var watching = await context.Api.SendFormAsync(HttpMethod.Delete, $"/api/v2/watchings/{id}", [], NulabJsonContext.Default.NulabWatching, cancellationToken);
        return new ToolOutput($"# Not Watching\n\n**{watching.Issue?.IssueKey}** left the watching list.", new JsonObject { ["watchingId"] = watching.Id, ["issueKey"] = watching.Issue?.IssueKey });
    }
}

/// <summary>backlog_update_watching, as Nulab's server names it (docs/backlog-mcp.md): replaces a watching item's note.
/// Only when BACKLOG_ENABLE_WRITES=true.</summary>
public sealed class UpdateWatchingTool : NulabTool
{
    public override string Name => "backlog_update_watching";

    public override string Title => "Change a watching note";

    public override string Description => "Replace the note of a watching item.";

    public override ToolHints Hints => new(ReadOnly: false, Destructive: true, Idempotent: true);

    public override JsonObject InputSchema => Schema.Input(new JsonObject
    {
        ["watchingId"] = Schema.WholeNumber("The watching item's id.", 1),
        ["note"] = Schema.Text("The new note (empty clears it)."),
    }, "watchingId", "note");

    public override JsonObject OutputSchema => Schema.Output(new JsonObject { ["watchingId"] = Schema.Type("integer"), ["note"] = Schema.Nullable("string") }, "watchingId");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var id = args.WholeNumber("watchingId", 1, int.MaxValue) ?? throw ToolArgs.Invalid("watchingId is required.");
        var watching = await context.Api.SendFormAsync(HttpMethod.Patch, $"/api/v2/watchings/{id}", new WriteForm().Add("note", args.Text("note") ?? "").Fields, NulabJsonContext.Default.NulabWatching, cancellationToken);
        return new ToolOutput($"# Watching\n\n**{watching.Issue?.IssueKey}**: note now \"{watching.Note}\".", new JsonObject { ["watchingId"] = watching.Id, ["note"] = watching.Note });
    }
}

/// <summary>backlog_mark_watching_as_read, as Nulab's server names it (docs/backlog-mcp.md). Only when
/// BACKLOG_ENABLE_WRITES=true.</summary>
public sealed class MarkWatchingAsReadTool : NulabTool
{
    public override string Name => "backlog_mark_watching_as_read";

    public override string Title => "Mark a watched issue seen";

    public override string Description => "Mark a watched issue as seen since its last change.";

    public override ToolHints Hints => new(ReadOnly: false, Destructive: false, Idempotent: true);

    public override JsonObject InputSchema => Schema.Input(new JsonObject { ["watchingId"] = Schema.WholeNumber("The watching item's id.", 1) }, "watchingId");

    public override JsonObject OutputSchema => Schema.Output(new JsonObject { ["watchingId"] = Schema.Type("integer") }, "watchingId");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var id = args.WholeNumber("watchingId", 1, int.MaxValue) ?? throw ToolArgs.Invalid("watchingId is required.");
        await context.Api.SendFormNoContentAsync(HttpMethod.Post, $"/api/v2/watchings/{id}/markAsRead", [], cancellationToken);
        return new ToolOutput($"Watching item {id} marked as seen.", new JsonObject { ["watchingId"] = id });
    }
}
