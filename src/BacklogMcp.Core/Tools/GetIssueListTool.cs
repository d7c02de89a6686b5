using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_get_issue_list (docs/reference/nulab-backlog.md §1.6.1), with the reference's defects fixed: custom status
/// ids (e.g. 101) and status or priority names are accepted, parentChild is described as Backlog means it, the
/// next-page hint keeps the filters, and the total matching count is shown.</summary>
public sealed class GetIssueListTool : NulabTool
{
    private static readonly string[] SortKeys =
    [
        "issueType", "category", "version", "milestone", "summary", "status", "priority", "attachment", "sharedFile", "created",
        "createdUser", "updated", "updatedUser", "assignee", "startDate", "dueDate", "estimatedHours", "actualHours", "childIssue",
    ];

    public override string Name => "backlog_get_issue_list";

    public override string Title => "List Backlog issues";

    public override string Description =>
        "List Backlog issues with optional filters; returns a compact table and a short summary per issue, plus the total that match. "
        + "Filter by project (key or id, several comma-separated), status (ids, including custom ones such as 101, or names such as \"In Progress\"; "
        + "names need projectIdOrKey; backlog_get_statuses lists a project's statuses), priority (ids or names: 2 High, 3 Normal, 4 Low), assignee (ids, names, or \"me\"), category and milestone (ids or names), keyword, "
        + "and parentChild: 0 all, 1 exclude child issues, 2 child issues only, 3 neither parent nor child, 4 parent issues only. "
        + "Page with offset and count (1-100, default 20); the result says which offset comes next.";

    public override JsonObject InputSchema => Schema.Input(IssueFilters.Properties(new JsonObject
    {
        ["count"] = Schema.WholeNumber("Issues per page, 1-100.", 1, 100, 20),
        ["offset"] = Schema.WholeNumber("How many matching issues to skip.", 0, null, 0),
        ["sort"] = Schema.Enum("Sort key.", SortKeys),
        ["order"] = Schema.Enum("Sort order.", ["asc", "desc"], "desc"),
        ["fields"] = IssueJson.FieldsSchema(),
    }));

    public override JsonObject OutputSchema => Schema.Output(new JsonObject
    {
        ["issues"] = Schema.ArrayOf(IssueJson.Schema()),
        ["offset"] = Schema.Type("integer"),
        ["count"] = Schema.Type("integer"),
        ["total"] = Schema.Nullable("integer"),
        ["nextOffset"] = Schema.Nullable("integer"),
        ["truncated"] = Schema.Type("boolean"),
    }, "issues", "offset", "count", "nextOffset");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var count = args.WholeNumber("count", 1, 100) ?? 20;
        var offset = args.WholeNumber("offset", 0, int.MaxValue) ?? 0;
        var sort = args.Choice("sort", SortKeys);
        var order = args.Choice("order", ["asc", "desc"]) ?? "desc";
        var fields = IssueJson.ReadFields(args);
        var filters = await IssueFilters.ReadAsync(args, context, cancellationToken);
        var page = new NulabQuery();
        foreach (var (name, value) in filters.Pairs) page.Add(name, value);
        page.Add("offset", offset).Add("count", count).Add("sort", sort).Add("order", order);

        var issuesTask = context.Api.GetAsync("/api/v2/issues", page, NulabJsonContext.Default.ListNulabIssue, cancellationToken);
        var totalTask = context.Api.GetAsync("/api/v2/issues/count", filters, NulabJsonContext.Default.NulabCount, cancellationToken);
        var issues = await issuesTask;
        var total = (await totalTask).Count;
        var output = Output(issues, offset, total, count, context, args, fields, cut: false);
        if (context.Budget.Fits(output.Text, output.Structured) || issues.Count == 1) return output;
        // Over the budget: the most issues that fit (at least one), cut at an issue; the next page starts after them.
        var (fits, over) = (1, issues.Count);
        while (over - fits > 1)
        {
            var middle = (fits + over) / 2;
            var trial = Output(issues[..middle], offset, total, count, context, args, fields, cut: true);
            if (context.Budget.Fits(trial.Text, trial.Structured)) fits = middle;
            else over = middle;
        }
        output = Output(issues[..fits], offset, total, count, context, args, fields, cut: true);
        return output;
    }

    private static ToolOutput Output(List<NulabIssue> issues, int offset, int total, int count, ToolContext context, ToolArgs args, IReadOnlyList<string>? fields, bool cut)
    {
        var nextOffset = offset + issues.Count < total ? offset + issues.Count : (int?)null;
        var structured = new JsonObject
        {
            ["issues"] = new JsonArray([.. issues.Select(i => (JsonNode)IssueJson.Narrow(IssueJson.Of(i, context.IssueUrl(i.IssueKey)), fields))]),
            ["offset"] = offset,
            ["count"] = issues.Count,
            ["total"] = total,
            ["nextOffset"] = nextOffset,
            ["truncated"] = cut,
        };
        var text = fields is null ? Render(issues, offset, total, nextOffset, count, context, args) : RenderNarrow(structured, offset, total, nextOffset, args, fields);
        if (cut)
            text = $"_Cut to {issues.Count} issue(s) to stay within BACKLOG_MAX_TOKENS ({context.Budget.MaxTokens}); the next page starts at offset {nextOffset}._\n\n" + text;
        return new ToolOutput(text, structured);
    }

    /// <summary>With <c>fields</c>: one table of the chosen fields, no summaries, so the answer is as small as asked.</summary>
    private static string RenderNarrow(JsonObject structured, int offset, int total, int? nextOffset, ToolArgs args, IReadOnlyList<string> fields)
    {
        var text = new StringBuilder("# Backlog Issue List\n\n");
        text.Append(CultureInfo.InvariantCulture, $"**Showing:** {structured["count"]} issue(s) (offset: {offset}); **total matching:** {total}; **fields:** {string.Join(", ", fields)}\n\n");
        var table = new MarkdownTable([.. fields.Prepend("issueKey")]);
        foreach (var issue in (structured["issues"] as JsonArray ?? []).OfType<JsonObject>())
            table.Row([.. fields.Prepend("issueKey").Select(f => issue[f] switch { null => NulabFormat.None, JsonArray list => NulabFormat.Join(list.Select(i => i?.ToString())), var v => v.ToString() })]);
        text.Append(table);
        if (nextOffset is { } next) text.Append(NextHints.Block(($"backlog_get_issue_list({NextPageArguments(args, next)}, fields: [{string.Join(", ", fields.Select(NextHints.Quote))}])", $"load the next page ({total - next} more)")));
        return text.ToString();
    }

    private static string Render(List<NulabIssue> issues, int offset, int total, int? nextOffset, int count, ToolContext context, ToolArgs args)
    {
        var text = new StringBuilder("# Backlog Issue List\n\n");
        text.Append(CultureInfo.InvariantCulture, $"**Showing:** {issues.Count} issue(s) (offset: {offset})\n");
        text.Append(CultureInfo.InvariantCulture, $"**Total matching:** {total}\n\n");
        if (issues.Count == 0) return text.Append("_No issues found matching your filters._").ToString();

        var table = new MarkdownTable("Key", "Type", "Status", "Priority", "Assignee", "Due", "Updated");
        foreach (var issue in issues)
            table.Row($"[{issue.IssueKey}]({context.IssueUrl(issue.IssueKey)})", NulabFormat.OrNone(issue.IssueType?.Name), NulabFormat.OrNone(issue.Status?.Name),
                NulabFormat.OrNone(issue.Priority?.Name), issue.Assignee?.Name ?? "Unassigned", NulabFormat.Day(issue.DueDate), NulabFormat.Date(issue.Updated));
        text.Append(table).Append("\n\n## Issue Summaries\n\n");
        foreach (var issue in issues)
        {
            text.Append(CultureInfo.InvariantCulture, $"### [{issue.IssueKey}] {issue.Summary ?? "(no summary)"}\n\n");
            text.Append(CultureInfo.InvariantCulture, $"- **URL:** {context.IssueUrl(issue.IssueKey)}\n");
            text.Append(CultureInfo.InvariantCulture, $"- **Status:** {NulabFormat.OrNone(issue.Status?.Name)} | **Priority:** {NulabFormat.OrNone(issue.Priority?.Name)} | **Type:** {NulabFormat.OrNone(issue.IssueType?.Name)}\n");
            if (issue.Assignee is { } assignee) text.Append(CultureInfo.InvariantCulture, $"- **Assignee:** {assignee.Name}\n");
            if (issue.Milestone is { Count: > 0 } ms) text.Append(CultureInfo.InvariantCulture, $"- **Milestone:** {NulabFormat.Join(ms.Select(m => m.Name))}\n");
            if (issue.Category is { Count: > 0 } cs) text.Append(CultureInfo.InvariantCulture, $"- **Category:** {NulabFormat.Join(cs.Select(c => c.Name))}\n");
            if (issue.StartDate is not null || issue.DueDate is not null) text.Append(CultureInfo.InvariantCulture, $"- **Dates:** {NulabFormat.Day(issue.StartDate)} → {NulabFormat.Day(issue.DueDate)}\n");
            if (issue.EstimatedHours is not null || issue.ActualHours is not null)
                text.Append(CultureInfo.InvariantCulture, $"- **Hours:** Estimated {NulabFormat.Hours(issue.EstimatedHours)} / Actual {NulabFormat.Hours(issue.ActualHours)}\n");
            text.Append(CultureInfo.InvariantCulture, $"- **Created:** {NulabFormat.Date(issue.Created)} | **Updated:** {NulabFormat.Date(issue.Updated)}\n\n");
        }
        var hints = new List<(string, string)> { ($"backlog_get_issue(issueIdOrKey: {NextHints.Quote(issues[0].IssueKey ?? "")})", "full details of the first issue") };
        if (nextOffset is { } next)
            hints.Add(($"backlog_get_issue_list({NextPageArguments(args, next)})", $"load the next page ({total - next} more)"));
        return text.ToString().TrimEnd('\n') + NextHints.Block([.. hints]);
    }

    /// <summary>The same filters with the next offset (the reference dropped the filters from this hint).</summary>
    private static string NextPageArguments(ToolArgs args, int next)
    {
        var parts = new List<string>();
        foreach (var name in new[] { "projectIdOrKey", "statusId", "priorityId", "assigneeId", "categoryId", "milestoneId", "keyword" })
        {
            if (name is "projectIdOrKey" or "keyword")
            {
                if (args.Text(name) is { Length: > 0 } text) parts.Add($"{name}: {NextHints.Quote(text)}");
                continue;
            }
            var (ids, names) = args.IdsOrNames(name);
            var values = ids.Select(i => i.ToString(CultureInfo.InvariantCulture)).Concat(names.Select(NextHints.Quote)).ToList();
            if (values.Count > 0) parts.Add($"{name}: [{string.Join(", ", values)}]");
        }
        // Custom field filters go on as they were given (JSON is what the agent wrote them in).
        if (args.Raw(CustomFieldFilters.Name) is { ValueKind: System.Text.Json.JsonValueKind.Array } custom && custom.GetArrayLength() > 0)
            parts.Add($"{CustomFieldFilters.Name}: {custom.GetRawText()}");
        foreach (var name in new[] { "parentChild", "count" })
            if (args.WholeNumber(name, 0, 100) is { } value) parts.Add($"{name}: {value}");
        if (args.Text("sort") is { } sort) parts.Add($"sort: {NextHints.Quote(sort)}");
        if (args.Text("order") is { } order) parts.Add($"order: {NextHints.Quote(order)}");
        parts.Add($"offset: {next}");
        return string.Join(", ", parts);
    }
}
