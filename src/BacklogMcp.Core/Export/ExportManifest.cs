using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;

namespace BacklogMcp.Core.Export;

/// <summary>manifest.json of a bundle, with the reference's field names (its prompts read them), plus the counts of
/// what was exported rather than only fetched.</summary>
public static class ExportManifest
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject Build(NulabIssue issue, string url, DateTimeOffset generatedAt, int comments, int exportedComments, IReadOnlyList<ExportedAttachment> attachments) => new()
    {
        ["issueKey"] = issue.IssueKey,
        ["issueUrl"] = url,
        ["generatedAt"] = generatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["counts"] = new JsonObject
        {
            ["comments"] = comments,
            ["exportedComments"] = exportedComments,
            ["attachments"] = attachments.Count,
            ["downloadedAttachments"] = attachments.Count(a => a.Downloaded),
            ["extractedAttachments"] = attachments.Count(a => a.ExtractedText is not null),
            ["skippedAttachments"] = attachments.Count(a => !a.Downloaded),
        },
        ["attachments"] = new JsonArray([.. attachments.Select(a => (JsonNode)new JsonObject
        {
            ["id"] = a.Attachment.Id,
            ["name"] = a.Attachment.Name,
            ["size"] = a.Attachment.Size,
            ["uploadedBy"] = a.Attachment.CreatedUser?.Name,
            ["created"] = a.Attachment.Created,
            ["localPath"] = a.LocalPath,
            ["relativePath"] = a.RelativePath,
            ["placementTarget"] = a.Placement.Target,
            ["placementConfidence"] = a.Placement.Confidence,
            ["placementReason"] = a.Placement.Reason,
            ["commentId"] = a.Placement.CommentId,
            ["skippedReason"] = a.SkippedReason,
            ["extracted"] = a.ExtractedText is not null,
        })]),
    };

    public static string Serialize(JsonObject manifest) => manifest.ToJsonString(Indented) + "\n";
}
