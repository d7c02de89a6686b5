using System.Globalization;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_get_attachments (docs/reference/nulab-backlog.md §1.6.10).</summary>
public sealed class GetAttachmentsTool : NulabTool
{
    public override string Name => "backlog_get_attachments";

    public override string Title => "List an issue's attachments";

    public override string Description => "List the files attached to an issue with id, name, size, uploader and date. backlog_download_attachment saves one.";

    public override JsonObject InputSchema => Schema.Input(new JsonObject
    {
        ["issueIdOrKey"] = Schema.Text("Issue key such as \"PROJ-123\", or the numeric issue id.", 1),
    }, "issueIdOrKey");

    public override JsonObject OutputSchema => Schema.Output(new JsonObject
    {
        ["issueIdOrKey"] = Schema.Type("string"),
        ["attachments"] = Schema.ArrayOf(Schema.Output(new JsonObject
        {
            ["id"] = Schema.Type("integer"), ["name"] = Schema.Nullable("string"), ["size"] = Schema.Type("integer"),
            ["uploadedBy"] = Schema.Nullable("string"), ["created"] = Schema.Nullable("string"),
        }, "id", "size")),
    }, "issueIdOrKey", "attachments");

    public static Task<List<NulabAttachment>> FetchAsync(ToolContext context, string issue, CancellationToken cancellationToken) =>
        context.Api.GetAsync($"/api/v2/issues/{ToolContext.Segment(issue)}/attachments", null, NulabJsonContext.Default.ListNulabAttachment, cancellationToken);

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var issue = args.RequiredString("issueIdOrKey");
        var attachments = await FetchAsync(context, issue, cancellationToken);
        var structured = new JsonObject
        {
            ["issueIdOrKey"] = issue,
            ["attachments"] = new JsonArray([.. attachments.Select(a => (JsonNode)new JsonObject
            {
                ["id"] = a.Id, ["name"] = a.Name, ["size"] = a.Size, ["uploadedBy"] = a.CreatedUser?.Name, ["created"] = a.Created,
            })]),
        };
        var text = $"# Attachments — {issue}\n\n**Issue:** {issue}\n**Total:** {attachments.Count} attachment(s)\n\n";
        if (attachments.Count == 0) return new ToolOutput(text + "_No attachments found on this issue._", structured);
        var table = new MarkdownTable("ID", "Name", "Size", "Uploaded By", "Created At");
        foreach (var a in attachments)
            table.Row(a.Id.ToString(CultureInfo.InvariantCulture), a.Name, NulabFormat.Size(a.Size), NulabFormat.OrNone(a.CreatedUser?.Name), a.Created is { Length: >= 10 } c ? c[..10] : NulabFormat.None);
        text += table + NextHints.Block(
            ($"backlog_download_attachment(issueIdOrKey: {NextHints.Quote(issue)}, attachmentId: {attachments[0].Id})", $"save {attachments[0].Name} under the download root"),
            ($"backlog_export_issue_context(issueIdOrKey: {NextHints.Quote(issue)})", "export the issue with every attachment"));
        return new ToolOutput(text, structured);
    }
}
