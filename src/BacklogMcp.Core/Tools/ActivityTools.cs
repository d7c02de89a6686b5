using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>The space's recent updates (Nulab's server's get_space_activities; <c>GET /space/activities</c>).</summary>
public sealed class GetSpaceActivitiesTool : NulabTool
{
    public override string Name => "backlog_get_space_activities";

    public override string Title => "Recent updates in the space";

    public override string Description => "What happened lately across the space, newest first: issues created, updated and commented, wiki, Git and pull request events. Filter by activityTypeId; page with maxId.";

    public override string Toolset => Toolsets.Space;

    public override JsonObject InputSchema => Schema.Input(Activities.Filters(new JsonObject()));

    public override JsonObject OutputSchema => Activities.Schema;

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var found = await context.Api.GetAsync("/api/v2/space/activities", Activities.Query(args), NulabJsonContext.Default.ListNulabActivity, cancellationToken);
        return Activities.Answer("Recent Updates — Space", found, args, context);
    }
}

/// <summary>One user's recent updates (Nulab's server's get_user_recent_updates; <c>GET /users/:id/activities</c>).</summary>
public sealed class GetUserRecentUpdatesTool : NulabTool
{
    public override string Name => "backlog_get_user_recent_updates";

    public override string Title => "A user's recent updates";

    public override string Description => "What a user did lately (default: the user this API key acts as), newest first. Filter by activityTypeId; page with maxId.";

    public override string Toolset => Toolsets.Space;

    public override JsonObject InputSchema => Schema.Input(Activities.Filters(new JsonObject
    {
        ["userId"] = Schema.WholeNumber("The user's numeric id (backlog_get_users); default: the user this API key acts as.", 1),
    }));

    public override JsonObject OutputSchema => Activities.Schema;

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var user = await WatchingArguments.UserAsync(args, context, cancellationToken);
        var found = await context.Api.GetAsync($"/api/v2/users/{user}/activities", Activities.Query(args), NulabJsonContext.Default.ListNulabActivity, cancellationToken);
        return Activities.Answer($"Recent Updates — User {user}", found, args, context);
    }
}

/// <summary>How many stars a user received (Nulab's server's get_user_stars_count; <c>GET /users/:id/stars/count</c>).</summary>
public sealed class GetUserStarsCountTool : NulabTool
{
    public override string Name => "backlog_get_user_stars_count";

    public override string Title => "Stars a user received";

    public override string Description => "How many stars a user received (default: the user this API key acts as), optionally between two days (yyyy-MM-dd, both included).";

    public override string Toolset => Toolsets.Space;

    public override JsonObject InputSchema => Schema.Input(new JsonObject
    {
        ["userId"] = Schema.WholeNumber("The user's numeric id (backlog_get_users); default: the user this API key acts as.", 1),
        ["since"] = Schema.Text("yyyy-MM-dd: stars from this day on."),
        ["until"] = Schema.Text("yyyy-MM-dd: stars up to this day."),
    });

    public override JsonObject OutputSchema => Schema.Output(new JsonObject { ["userId"] = Schema.Type("integer"), ["count"] = Schema.Type("integer") }, "userId", "count");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var (since, until) = (args.Date("since"), args.Date("until"));
        if (since is { Length: > 0 } && until is { Length: > 0 } && string.CompareOrdinal(since, until) > 0) throw ToolArgs.Invalid($"since ({since}) is after until ({until}).");
        var user = await WatchingArguments.UserAsync(args, context, cancellationToken);
        var count = await context.Api.GetAsync($"/api/v2/users/{user}/stars/count", new NulabQuery().Add("since", since).Add("until", until), NulabJsonContext.Default.NulabCount, cancellationToken);
        var range = (since, until) switch
        {
            ({ Length: > 0 }, { Length: > 0 }) => $" from {since} to {until}",
            ({ Length: > 0 }, _) => $" since {since}",
            (_, { Length: > 0 }) => $" until {until}",
            _ => "",
        };
        return new ToolOutput($"# Stars\n\nUser {user} received **{count.Count}** star{(count.Count == 1 ? "" : "s")}{range}.", new JsonObject { ["userId"] = user, ["count"] = count.Count });
    }
}

/// <summary>What the activity tools share: the filters, the type names, and the answer.</summary>
internal static class Activities
{
    /// <summary>Backlog's activity types (Nulab's API reference, "Get Recent Updates"; docs/reference/nulab-backlog.md §2.12).</summary>
    public static readonly IReadOnlyDictionary<int, string> TypeNames = new Dictionary<int, string>
    {
        [1] = "Issue created", [2] = "Issue updated", [3] = "Issue commented", [4] = "Issue deleted", [5] = "Wiki created", [6] = "Wiki updated",
        [7] = "Wiki deleted", [8] = "File added", [9] = "File updated", [10] = "File deleted", [11] = "SVN committed", [12] = "Git pushed",
        [13] = "Git repository created", [14] = "Issues updated at once", [15] = "Project user added", [16] = "Project user removed",
        [17] = "Comment notification added", [18] = "Pull request added", [19] = "Pull request updated", [20] = "Pull request commented",
        [21] = "Pull request deleted", [22] = "Milestone created", [23] = "Milestone updated", [24] = "Milestone deleted",
        [25] = "Project group added", [26] = "Project group removed",
    };

    public static JsonObject Filters(JsonObject more)
    {
        more["activityTypeId"] = new JsonObject
        {
            ["type"] = "array", ["items"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 26 },
            ["description"] = "Only these kinds: 1 issue created, 2 issue updated, 3 issue commented, 4 issue deleted, 5-7 wiki, 8-10 files, 12-13 Git, 14 bulk update, 15-16 project users, 18-21 pull requests, 22-24 milestones.",
        };
        more["minId"] = Tools.Schema.WholeNumber("Only updates with a larger id.", 1);
        more["maxId"] = Tools.Schema.WholeNumber("Only updates with a smaller id (the next page: the last id seen).", 1);
        more["count"] = Tools.Schema.WholeNumber("How many, 1-100.", 1, 100, 20);
        more["order"] = Tools.Schema.Enum("desc (newest first, the default) or asc.", ["desc", "asc"]);
        return more;
    }

    public static NulabQuery Query(ToolArgs args)
    {
        var (minId, maxId) = (args.WholeNumber("minId", 1, int.MaxValue), args.WholeNumber("maxId", 1, int.MaxValue));
        if (minId is { } min && maxId is { } max && min >= max) throw ToolArgs.Invalid($"minId ({min}) is not below maxId ({max}): no update fits.");
        var types = args.IdsOrNames("activityTypeId");
        if (types.Names.Count > 0 || types.Ids.Any(t => t > 26)) throw ToolArgs.Invalid("activityTypeId takes numbers 1-26 (see the tool's description).");
        return new NulabQuery().AddArray("activityTypeId", types.Ids).Add("minId", minId).Add("maxId", maxId)
            .Add("count", args.WholeNumber("count", 1, 100) ?? 20).Add("order", args.Choice("order", ["desc", "asc"]) ?? "desc");
    }

    public static JsonObject Schema => Tools.Schema.Output(new JsonObject
    {
        ["activities"] = Tools.Schema.ArrayOf(Tools.Schema.Output(new JsonObject
        {
            ["id"] = Tools.Schema.Type("integer"), ["type"] = Tools.Schema.Type("integer"), ["typeName"] = Tools.Schema.Type("string"),
            ["projectKey"] = Tools.Schema.Nullable("string"), ["issueKey"] = Tools.Schema.Nullable("string"), ["summary"] = Tools.Schema.Nullable("string"),
            ["comment"] = Tools.Schema.Nullable("string"), ["user"] = Tools.Schema.Nullable("string"), ["created"] = Tools.Schema.Nullable("string"),
        }, "id", "type", "typeName")),
        ["nextMaxId"] = Tools.Schema.Nullable("integer"),
    }, "activities", "nextMaxId");

    public static ToolOutput Answer(string heading, IReadOnlyList<NulabActivity> found, ToolArgs args, ToolContext context)
    {
        var count = args.WholeNumber("count", 1, 100) ?? 20;
        var newestFirst = (args.Choice("order", ["desc", "asc"]) ?? "desc") == "desc";
        long? next = found.Count == count && newestFirst ? found[^1].Id : null;
        var rows = found.Select(a =>
        {
            var issueKey = a.Project?.ProjectKey is { } key && Number(a.Content, "key_id") is { } keyId ? $"{key}-{keyId}" : null;
            return (Activity: a, IssueKey: issueKey, Summary: Text(a.Content, "summary") ?? Text(a.Content, "name"), Comment: a.Content.ValueKind == JsonValueKind.Object && a.Content.TryGetProperty("comment", out var c) ? Text(c, "content") : null);
        }).ToList();
        var structured = new JsonObject
        {
            ["activities"] = new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject
            {
                ["id"] = r.Activity.Id, ["type"] = r.Activity.Type, ["typeName"] = TypeName(r.Activity.Type), ["projectKey"] = r.Activity.Project?.ProjectKey,
                ["issueKey"] = r.IssueKey, ["summary"] = r.Summary, ["comment"] = r.Comment, ["user"] = r.Activity.CreatedUser?.Name, ["created"] = r.Activity.Created,
            })]),
            ["nextMaxId"] = next,
        };
        var text = $"# {heading}\n\n";
        if (rows.Count == 0) return new ToolOutput(text + "_No updates._", structured);
        var table = new MarkdownTable("ID", "When", "Who", "What", "Item", "Comment");
        foreach (var r in rows)
            table.Row(r.Activity.Id.ToString(CultureInfo.InvariantCulture), NulabFormat.Date(r.Activity.Created), r.Activity.CreatedUser?.Name ?? NulabFormat.None,
                TypeName(r.Activity.Type), string.Join(" ", new[] { r.IssueKey, r.Summary }.Where(t => !string.IsNullOrEmpty(t))), Excerpt(r.Comment));
        text += table;
        if (next is { } maxId) text += $"\n\n_More: the same call with maxId: {maxId}._";
        return new ToolOutput(text, structured);
    }

    private static string TypeName(int type) => TypeNames.TryGetValue(type, out var name) ? name : $"type {type}";

    private static string Excerpt(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > 80 ? line[..77] + "…" : line;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.TryGetInt64(out var n) ? n : null;
}
