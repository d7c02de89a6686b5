using System.Globalization;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Export;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_export_issue_context (docs/reference/nulab-backlog.md §1.6.12).</summary>
public sealed class ExportIssueContextTool : NulabTool
{
    public override string Name => "backlog_export_issue_context";

    public override string Title => "Export an issue's whole context";

    public override string Description =>
        "Export one issue as a local bundle for a model to read: raw.md (issue, every comment with its change log, attachments placed where they belong, "
        + "readable file contents when extractReadableFiles is true), manifest.json, and the attachments downloaded. Placement of each attachment is "
        + "exact (change log or text names it), inferred (same uploader within placementWindowMinutes of a comment) or unmatched. "
        + "The bundle goes to <download root>/[outputDir/]<ISSUE-KEY>/; outputDir must stay inside the download root (ATTACHMENT_WORKSPACE). "
        + "A failed or oversized attachment is noted and skipped; the rest is still exported.";

    public override ToolHints Hints => new(ReadOnly: false, Destructive: false, Idempotent: true);

    public override JsonObject InputSchema => Schema.Input(new JsonObject
    {
        ["issueIdOrKey"] = Schema.Text("Issue key such as \"PROJ-123\", or the numeric issue id.", 1),
        ["outputDir"] = Schema.Text("Folder relative to the download root (default: the root itself)."),
        ["includeComments"] = Schema.Bool("Export comments.", true),
        ["includeAttachments"] = Schema.Bool("List attachments in the bundle.", true),
        ["downloadAttachments"] = Schema.Bool("Download the attachment files.", true),
        ["extractReadableFiles"] = Schema.Bool("Copy the text of .txt, .md, .json, .csv, .log, .xml, .yaml files into raw.md.", false),
        ["maxAttachmentBytes"] = Schema.WholeNumber("Skip attachments larger than this (bytes).", 1, null, 10 * 1024 * 1024),
        ["placementWindowMinutes"] = Schema.WholeNumber("Minutes between an upload and the uploader's comment for an inferred placement; 0 turns inference off.", 0, 1440, 10),
        ["skipChangelogOnlyComments"] = Schema.Bool("Leave out comments with no text (change log only).", false),
    }, "issueIdOrKey");

    public override JsonObject OutputSchema => Schema.Output(new JsonObject
    {
        ["issueKey"] = Schema.Type("string"),
        ["directory"] = Schema.Type("string"),
        ["rawMarkdown"] = Schema.Type("string"),
        ["manifest"] = Schema.Type("string"),
        ["comments"] = Schema.Type("integer"),
        ["exportedComments"] = Schema.Type("integer"),
        ["attachments"] = Schema.Type("integer"),
        ["downloadedAttachments"] = Schema.Type("integer"),
        ["skipped"] = Schema.ArrayOf(Schema.Output(new JsonObject { ["id"] = Schema.Type("integer"), ["name"] = Schema.Nullable("string"), ["reason"] = Schema.Type("string") }, "id", "reason")),
    }, "issueKey", "directory", "rawMarkdown", "manifest");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var issue = args.RequiredString("issueIdOrKey");
        var options = new ExportOptions
        {
            OutputDir = args.Text("outputDir"),
            IncludeComments = args.Bool("includeComments") ?? true,
            IncludeAttachments = args.Bool("includeAttachments") ?? true,
            DownloadAttachments = args.Bool("downloadAttachments") ?? true,
            ExtractReadableFiles = args.Bool("extractReadableFiles") ?? false,
            MaxAttachmentBytes = args.WholeNumber("maxAttachmentBytes", 1, int.MaxValue) ?? 10 * 1024 * 1024,
            PlacementWindowMinutes = args.WholeNumber("placementWindowMinutes", 0, 1440) ?? 10,
            SkipChangelogOnlyComments = args.Bool("skipChangelogOnlyComments") ?? false,
        };
        var result = await IssueExporter.ExportAsync(context, issue, options, cancellationToken);
        var skipped = result.Attachments.Where(a => !a.Downloaded).ToList();
        var structured = new JsonObject
        {
            ["issueKey"] = result.IssueKey,
            ["directory"] = result.Directory,
            ["rawMarkdown"] = result.RawMarkdownPath,
            ["manifest"] = result.ManifestPath,
            ["comments"] = result.Comments,
            ["exportedComments"] = result.ExportedComments,
            ["attachments"] = result.Attachments.Count,
            ["downloadedAttachments"] = result.Attachments.Count - skipped.Count,
            ["skipped"] = new JsonArray([.. skipped.Select(a => (JsonNode)new JsonObject { ["id"] = a.Attachment.Id, ["name"] = a.Attachment.Name, ["reason"] = a.SkippedReason })]),
        };
        var text = "# Export Complete\n\n"
            + $"**Issue:** {result.IssueKey}\n"
            + $"**Raw Markdown:** {result.RawMarkdownPath}\n"
            + $"**Manifest:** {result.ManifestPath}\n"
            + $"**Comments:** {result.Comments.ToString(CultureInfo.InvariantCulture)}" + (result.ExportedComments != result.Comments ? $" ({result.ExportedComments.ToString(CultureInfo.InvariantCulture)} exported)" : "") + "\n"
            + $"**Attachments:** {result.Attachments.Count.ToString(CultureInfo.InvariantCulture)} ({(result.Attachments.Count - skipped.Count).ToString(CultureInfo.InvariantCulture)} downloaded)";
        if (skipped.Count > 0)
            text += "\n\n**Not downloaded:**\n" + string.Join("\n", skipped.Select(a => $"- {a.Attachment.Name} (#{a.Attachment.Id.ToString(CultureInfo.InvariantCulture)}): {a.SkippedReason}"));
        return new ToolOutput(text, structured);
    }
}
