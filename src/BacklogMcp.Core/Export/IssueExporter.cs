using System.Globalization;
using System.Text;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Errors;
using BacklogMcp.Core.Files;
using BacklogMcp.Core.Tools;
using BacklogTools.Files;

namespace BacklogMcp.Core.Export;

/// <summary>
/// Writes one issue's context bundle (docs/reference/nulab-backlog.md §1.7): <c>&lt;root&gt;/[outputDir/]&lt;ISSUE-KEY&gt;/raw.md</c>,
/// <c>manifest.json</c> and <c>attachments/&lt;id&gt;_&lt;name&gt;</c>. Comments are read in pages of 100 (oldest first);
/// comments and attachment metadata are fetched together; a failed or oversized attachment is recorded with its
/// reason and the export goes on (the reference aborted and left no raw.md). Every file is written atomically.
/// </summary>
public static class IssueExporter
{
    public static async Task<ExportResult> ExportAsync(ToolContext context, string issueIdOrKey, ExportOptions options, CancellationToken cancellationToken)
    {
        context.Downloads.Directory(options.OutputDir); // refuses a folder outside the root before any request
        var issue = await GetIssueTool.FetchAsync(context, issueIdOrKey, cancellationToken);
        var key = issue.IssueKey!;
        var commentsTask = options.IncludeComments ? AllCommentsAsync(context, key, cancellationToken) : Task.FromResult(new List<NulabComment>());
        var attachmentsTask = options.IncludeAttachments ? GetAttachmentsTool.FetchAsync(context, key, cancellationToken) : Task.FromResult(new List<NulabAttachment>());
        var comments = await commentsTask;
        var attachments = await attachmentsTask;

        var bundle = Path.Combine(options.OutputDir?.Trim() ?? "", SafeFileName.From(key));
        var directory = context.Downloads.Directory(bundle);
        var attachmentDirectory = attachments.Count > 0 && options.DownloadAttachments ? context.Downloads.Directory(Path.Combine(bundle, "attachments")) : null;
        var exported = new List<ExportedAttachment>(attachments.Count);
        foreach (var attachment in attachments)
        {
            var placement = AttachmentPlacement.Place(attachment, issue.Description, comments, options.PlacementWindowMinutes);
            exported.Add(await SaveAsync(context, key, attachment, placement, attachmentDirectory, options, cancellationToken));
        }

        var url = context.IssueUrl(key);
        var exportedComments = options.SkipChangelogOnlyComments ? comments.Count(c => !string.IsNullOrWhiteSpace(c.Content)) : comments.Count;
        var rawPath = Path.Combine(directory, "raw.md");
        var manifestPath = Path.Combine(directory, "manifest.json");
        await AtomicFile.WriteAllTextAsync(rawPath, RawMarkdown.Render(issue, url, comments, exported, options.SkipChangelogOnlyComments), cancellationToken);
        var manifest = ExportManifest.Build(issue, url, context.Clock.GetUtcNow(), comments.Count, exportedComments, exported);
        await AtomicFile.WriteAllTextAsync(manifestPath, ExportManifest.Serialize(manifest), cancellationToken);
        return new ExportResult(key, directory, rawPath, manifestPath, comments.Count, exportedComments, exported);
    }

    private static async Task<List<NulabComment>> AllCommentsAsync(ToolContext context, string key, CancellationToken cancellationToken)
    {
        var all = new List<NulabComment>();
        int? minId = null;
        while (true)
        {
            var query = new NulabQuery().Add("count", 100).Add("order", "asc").Add("minId", minId);
            var page = await context.Api.GetAsync($"/api/v2/issues/{ToolContext.Segment(key)}/comments", query, NulabJsonContext.Default.ListNulabComment, cancellationToken);
            all.AddRange(page);
            if (page.Count < 100) return all;
            minId = page.Max(c => c.Id) + 1;
        }
    }

    private static async Task<ExportedAttachment> SaveAsync(ToolContext context, string key, NulabAttachment attachment, Placement placement, string? directory, ExportOptions options, CancellationToken cancellationToken)
    {
        if (directory is null) return new ExportedAttachment(attachment, placement, null, null, "downloadAttachments=false", null);
        if (attachment.Size > options.MaxAttachmentBytes)
            return new ExportedAttachment(attachment, placement, null, null, $"size {attachment.Size} exceeds maxAttachmentBytes {options.MaxAttachmentBytes}", null);
        try
        {
            var saved = await DownloadAttachmentTool.SaveAsync(context, key, attachment.Id, directory, overwrite: true, options.MaxAttachmentBytes, cancellationToken, attachment.Name);
            var relative = "attachments/" + Path.GetFileName(saved.Path);
            string? text = null;
            if (options.ExtractReadableFiles && ExportedAttachment.ReadableExtensions.Contains(Path.GetExtension(saved.Path).ToLowerInvariant()))
            {
                text = await File.ReadAllTextAsync(saved.Path, Encoding.UTF8, cancellationToken);
                if (text.Length > options.MaxExtractedChars)
                    text = text[..options.MaxExtractedChars] + $"\n[… cut at {options.MaxExtractedChars.ToString(CultureInfo.InvariantCulture)} characters; the whole file is {relative}]";
            }
            return new ExportedAttachment(attachment, placement, saved.Path, relative, null, text);
        }
        catch (NulabHttpException error)
        {
            return new ExportedAttachment(attachment, placement, null, null, $"download failed: HTTP {error.Status}{(error.BacklogMessage is { } m ? " " + m : "")}", null);
        }
        catch (BacklogMcpException error)
        {
            return new ExportedAttachment(attachment, placement, null, null, "download failed: " + error.Message, null);
        }
        catch (IOException error)
        {
            return new ExportedAttachment(attachment, placement, null, null, "could not write the file: " + error.Message, null);
        }
    }
}
