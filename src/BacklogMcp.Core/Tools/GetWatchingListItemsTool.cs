using System.Globalization;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_get_watching_list_items, as Nulab's server names it (docs/backlog-mcp.md): the issues a user
/// watches (by default the API key's user), newest watch first, with their notes and whether they changed unseen.</summary>
public sealed class GetWatchingListItemsTool : NulabTool
{
    public override string Name => "backlog_get_watching_list_items";

    public override string Title => "List watched issues";

    public override string Description => "List the issues a user watches (default: the user this API key acts as): each with its note and whether it changed since it was last opened. count 1-100 (20), offset to page.";

    public override JsonObject InputSchema => Schema.Input(WatchingArguments.With(new JsonObject
    {
        ["count"] = Schema.WholeNumber("Items per page, 1-100.", 1, 100, 20),
        ["offset"] = Schema.WholeNumber("How many items to skip.", 0, null, 0),
    }));

    public override JsonObject OutputSchema => Schema.Output(new JsonObject
    {
        ["userId"] = Schema.Type("integer"),
        ["items"] = Schema.ArrayOf(Schema.Output(new JsonObject
        {
            ["id"] = Schema.Type("integer"), ["issueKey"] = Schema.Nullable("string"), ["summary"] = Schema.Nullable("string"), ["note"] = Schema.Nullable("string"),
            ["resourceAlreadyRead"] = Schema.Type("boolean"), ["lastContentUpdated"] = Schema.Nullable("string"),
        }, "id", "resourceAlreadyRead")),
    }, "userId", "items");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var count = args.WholeNumber("count", 1, 100) ?? 20;
        var offset = args.WholeNumber("offset", 0, int.MaxValue) ?? 0;
        var user = await WatchingArguments.UserAsync(args, context, cancellationToken);
        var query = new NulabQuery().Add("count", count).Add("offset", offset).Add("resourceAlreadyRead", args.Bool("resourceAlreadyRead"));
        var items = await context.Api.GetAsync($"/api/v2/users/{user}/watchings", query, NulabJsonContext.Default.ListNulabWatching, cancellationToken);
        var structured = new JsonObject
        {
            ["userId"] = user,
            ["items"] = new JsonArray([.. items.Select(w => (JsonNode)new JsonObject
            {
                ["id"] = w.Id, ["issueKey"] = w.Issue?.IssueKey, ["summary"] = w.Issue?.Summary, ["note"] = w.Note, ["resourceAlreadyRead"] = w.ResourceAlreadyRead, ["lastContentUpdated"] = w.LastContentUpdated,
            })]),
        };
        var text = $"# Watched issues — user {user.ToString(CultureInfo.InvariantCulture)}\n\n";
        if (items.Count == 0) return new ToolOutput(text + "_No watched issues._", structured);
        var table = new MarkdownTable("Issue", "Summary", "Note", "Changed unseen", "Last change");
        foreach (var w in items) table.Row(NulabFormat.OrNone(w.Issue?.IssueKey), w.Issue?.Summary, NulabFormat.OrNone(w.Note), w.ResourceAlreadyRead ? "no" : "yes", NulabFormat.Date(w.LastContentUpdated));
        return new ToolOutput(text + table + NextHints.Block(($"backlog_get_issue(issueIdOrKey: {NextHints.Quote(items[0].Issue?.IssueKey ?? "")})", "read the first")), structured);
    }
}
