using System.Globalization;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Errors;
using BacklogMcp.Core.Files;
using BacklogMcp.Core.Formatting;
using BacklogTools.Files;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_download_attachment (docs/reference/nulab-backlog.md §1.6.11, §1.8), made safe: the file goes under the
/// download root only (ATTACHMENT_WORKSPACE), named <c>&lt;attachmentId&gt;_&lt;sanitised server name&gt;</c> so two
/// issues' "image.png" never collide, streamed to disk with a size cap, never over an existing file unless asked.</summary>
public sealed class DownloadAttachmentTool : NulabTool
{
    public const long DefaultMaxBytes = 100L * 1024 * 1024;

    public override string Name => "backlog_download_attachment";

    public override string Title => "Download an attachment";

    public override string Description =>
        "Download one attachment of an issue to the local download root (ATTACHMENT_WORKSPACE, default .backlog-mcp in the server's working directory), "
        + "as <attachmentId>_<file name>. outputDir is a folder inside that root. An existing file is not replaced unless overwrite is true. Returns the saved path.";

    public override ToolHints Hints => new(ReadOnly: false, Destructive: false, Idempotent: true);

    public override JsonObject InputSchema => Schema.Input(new JsonObject
    {
        ["issueIdOrKey"] = Schema.Text("Issue key such as \"PROJ-123\", or the numeric issue id.", 1),
        ["attachmentId"] = Schema.WholeNumber("The attachment's id (backlog_get_attachments lists them).", 1),
        ["outputDir"] = Schema.Text("Optional folder relative to the download root; absolute paths and '..' are refused."),
        ["overwrite"] = Schema.Bool("Replace a file of the same name.", false),
        ["maxBytes"] = Schema.WholeNumber("Refuse files larger than this many bytes (default 100 MiB).", 1),
    }, "issueIdOrKey", "attachmentId");

    public override JsonObject OutputSchema => Schema.Output(new JsonObject
    {
        ["fileName"] = Schema.Type("string"),
        ["path"] = Schema.Type("string"),
        ["size"] = Schema.Type("integer"),
        ["issueIdOrKey"] = Schema.Type("string"),
        ["attachmentId"] = Schema.Type("integer"),
    }, "fileName", "path", "size");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var issue = args.RequiredString("issueIdOrKey");
        var attachmentId = args.WholeNumber("attachmentId", 1, int.MaxValue) ?? throw ToolArgs.Invalid("attachmentId is required (a positive integer).");
        var overwrite = args.Bool("overwrite") ?? false;
        var maxBytes = (long?)args.WholeNumber("maxBytes", 1, int.MaxValue) ?? DefaultMaxBytes;
        var directory = context.Downloads.Directory(args.Text("outputDir"));
        var saved = await SaveAsync(context, issue, attachmentId, directory, overwrite, maxBytes, cancellationToken);

        var structured = new JsonObject
        {
            ["fileName"] = saved.ServerName, ["path"] = saved.Path, ["size"] = saved.Size, ["issueIdOrKey"] = issue, ["attachmentId"] = attachmentId,
        };
        var text = "# Download Complete\n\n"
            + $"**File:** {saved.ServerName}\n"
            + $"**Size:** {NulabFormat.Size(saved.Size)} ({saved.Size.ToString(CultureInfo.InvariantCulture)} bytes)\n"
            + $"**Saved to:** {saved.Path}\n"
            + $"**Issue:** {issue}\n"
            + $"**Attachment ID:** {attachmentId.ToString(CultureInfo.InvariantCulture)}"
            + NextHints.Block(
                ($"backlog_get_attachments(issueIdOrKey: {NextHints.Quote(issue)})", "the issue's other files"),
                ($"backlog_get_issue(issueIdOrKey: {NextHints.Quote(issue)})", "back to the issue"));
        return new ToolOutput(text, structured);
    }

    public sealed record Saved(string ServerName, string Path, long Size);

    /// <summary>Downloads into <paramref name="directory"/> (already inside the root) as <c>&lt;id&gt;_&lt;safe name&gt;</c>.
    /// Without a Content-Disposition name, the attachment's listed name is used (looked up when not given), so the
    /// file keeps its extension; <c>attachment_&lt;id&gt;</c> only when neither exists.</summary>
    public static Task<Saved> SaveAsync(ToolContext context, string issue, int attachmentId, string directory, bool overwrite, long maxBytes, CancellationToken cancellationToken, string? listedName = null) =>
        context.Api.DownloadAsync($"/api/v2/issues/{ToolContext.Segment(issue)}/attachments/{attachmentId.ToString(CultureInfo.InvariantCulture)}", async (body, serverName, length, token) =>
        {
            if (serverName is null && listedName is null)
                listedName = (await GetAttachmentsTool.FetchAsync(context, issue, token)).Find(a => a.Id == attachmentId)?.Name;
            var name = serverName ?? listedName ?? $"attachment_{attachmentId.ToString(CultureInfo.InvariantCulture)}";
            if (length > maxBytes) throw ToolArgs.Invalid($"attachment {attachmentId} is {NulabFormat.Size(length.Value)}, above maxBytes {maxBytes}; pass a larger maxBytes to download it.");
            var path = context.Downloads.File(directory, $"{attachmentId.ToString(CultureInfo.InvariantCulture)}_{SafeFileName.From(name)}", overwrite);
            try
            {
                var size = await AtomicFile.WriteAsync(path, body, maxBytes, overwrite, token);
                return new Saved(name, path, size);
            }
            catch (FileTooLargeException)
            {
                throw ToolArgs.Invalid($"attachment {attachmentId} is larger than maxBytes {maxBytes}; nothing was written. Pass a larger maxBytes to download it.");
            }
            catch (IOException error) when (!overwrite && File.Exists(path))
            {
                throw new BacklogMcpException(ErrorCode.InvalidInput, $"{path} appeared while downloading; pass overwrite: true to replace it. ({error.Message})");
            }
        }, cancellationToken);
}
