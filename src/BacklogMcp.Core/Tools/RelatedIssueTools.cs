using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>The issues related to an issue (Backlog's undirected RELATES link: <c>GET /issues/:issue/relatedIssues</c>),
/// as Nulab's server's get_related_issues (docs/backlog-mcp.md).</summary>
public sealed class GetRelatedIssuesTool : NulabTool
{
    public override string Name => "backlog_get_related_issues";

    public override string Title => "An issue's related issues";

    public override string Description => "List the issues related to an issue (Backlog's \"related issues\" links, which have no direction).";

    public override JsonObject InputSchema => Schema.Input(new JsonObject { ["issueIdOrKey"] = RelatedIssues.IssueSchema }, "issueIdOrKey");

    public override JsonObject OutputSchema => RelatedIssues.ListSchema;

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var reference = args.RequiredString("issueIdOrKey").Trim();
        var related = await context.Api.GetAsync($"/api/v2/issues/{ToolContext.Segment(reference)}/relatedIssues", null, NulabJsonContext.Default.ListNulabIssue, cancellationToken);
        var text = $"# Issues related to {reference}\n\n";
        if (related.Count == 0) text += "_No related issues._";
        else
        {
            var table = new MarkdownTable("Key", "Summary", "Status", "Assignee");
            foreach (var issue in related) table.Row(issue.IssueKey, issue.Summary, NulabFormat.OrNone(issue.Status?.Name), issue.Assignee?.Name ?? "Unassigned");
            text += table;
        }
        return new ToolOutput(text, RelatedIssues.List(reference, related, context));
    }
}

/// <summary>Relates two issues (Nulab's server's add_related_issue). Either issue may be named by key or id. Only when
/// BACKLOG_ENABLE_WRITES=true.</summary>
public sealed class AddRelatedIssueTool : NulabTool
{
    public override string Name => "backlog_add_related_issue";

    public override string Title => "Relate two issues";

    public override string Description => "Add a \"related issues\" link between two issues (it has no direction).";

    public override ToolHints Hints => new(ReadOnly: false, Destructive: false, Idempotent: false);

    public override JsonObject InputSchema => Schema.Input(new JsonObject
    {
        ["issueIdOrKey"] = RelatedIssues.IssueSchema,
        ["relatedIssueIdOrKey"] = Schema.Text("The issue to relate it to: key such as \"PROJ-124\", or the numeric id.", 1),
    }, "issueIdOrKey", "relatedIssueIdOrKey");

    public override JsonObject OutputSchema => RelatedIssues.OneSchema;

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var reference = args.RequiredString("issueIdOrKey").Trim();
        var targetId = await RelatedIssues.IdAsync(args.RequiredString("relatedIssueIdOrKey").Trim(), context, cancellationToken);
        var related = await context.Api.SendFormAsync(HttpMethod.Post, $"/api/v2/issues/{ToolContext.Segment(reference)}/relatedIssues",
            new WriteForm().Add("targetIssueId", targetId).Fields, NulabJsonContext.Default.NulabIssue, cancellationToken);
        return new ToolOutput($"# Related\n\n**{reference}** and **{related.IssueKey}** ({related.Summary}) are now related.", RelatedIssues.One(reference, related, context));
    }
}

/// <summary>Removes a relation between two issues (Nulab's server's remove_related_issue). Only when
/// BACKLOG_ENABLE_WRITES=true.</summary>
public sealed class RemoveRelatedIssueTool : NulabTool
{
    public override string Name => "backlog_remove_related_issue";

    public override string Title => "Unrelate two issues";

    public override string Description => "Remove the \"related issues\" link between two issues (the issues themselves stay).";

    public override ToolHints Hints => new(ReadOnly: false, Destructive: true, Idempotent: false);

    public override JsonObject InputSchema => Schema.Input(new JsonObject
    {
        ["issueIdOrKey"] = RelatedIssues.IssueSchema,
        ["relatedIssueIdOrKey"] = Schema.Text("The related issue to unlink: key such as \"PROJ-124\", or the numeric id.", 1),
    }, "issueIdOrKey", "relatedIssueIdOrKey");

    public override JsonObject OutputSchema => RelatedIssues.OneSchema;

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var reference = args.RequiredString("issueIdOrKey").Trim();
        var relatedId = await RelatedIssues.IdAsync(args.RequiredString("relatedIssueIdOrKey").Trim(), context, cancellationToken);
        var removed = await context.Api.SendFormAsync(HttpMethod.Delete, $"/api/v2/issues/{ToolContext.Segment(reference)}/relatedIssues/{relatedId}", [],
            NulabJsonContext.Default.NulabIssue, cancellationToken);
        return new ToolOutput($"# Unrelated\n\n**{reference}** and **{removed.IssueKey}** are no longer related.", RelatedIssues.One(reference, removed, context));
    }
}

/// <summary>What the related-issue tools share: the schemas, the answers, and an issue key turned into the id the
/// relation endpoints take.</summary>
internal static class RelatedIssues
{
    public static JsonObject IssueSchema => Schema.Text("Issue key such as \"PROJ-123\", or the numeric issue id.", 1);

    public static JsonObject ListSchema => Schema.Output(new JsonObject { ["issueIdOrKey"] = Schema.Type("string"), ["related"] = Schema.ArrayOf(IssueJson.Schema()) }, "issueIdOrKey", "related");

    public static JsonObject OneSchema => Schema.Output(new JsonObject { ["issueIdOrKey"] = Schema.Type("string"), ["related"] = IssueJson.Schema() }, "issueIdOrKey", "related");

    public static JsonObject List(string reference, IReadOnlyList<NulabIssue> related, ToolContext context) =>
        new() { ["issueIdOrKey"] = reference, ["related"] = new JsonArray([.. related.Select(i => (JsonNode)IssueJson.Of(i, context.IssueUrl(i.IssueKey)))]) };

    public static JsonObject One(string reference, NulabIssue related, ToolContext context) =>
        new() { ["issueIdOrKey"] = reference, ["related"] = IssueJson.Of(related, context.IssueUrl(related.IssueKey)) };

    /// <summary>The numeric id Backlog's relation endpoints take; a key is looked up (one request).</summary>
    public static async Task<int> IdAsync(string reference, ToolContext context, CancellationToken cancellationToken)
    {
        if (int.TryParse(reference, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0) return id;
        return (await context.Api.GetAsync($"/api/v2/issues/{ToolContext.Segment(reference)}", null, NulabJsonContext.Default.NulabIssue, cancellationToken)).Id;
    }
}
