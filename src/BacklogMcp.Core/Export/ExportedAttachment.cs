using BacklogMcp.Core.Api;

namespace BacklogMcp.Core.Export;

/// <summary>One attachment in a bundle: its metadata, where it belongs, where it was saved (or why not), and its text
/// when it was extracted.</summary>
public sealed record ExportedAttachment(NulabAttachment Attachment, Placement Placement, string? LocalPath, string? RelativePath, string? SkippedReason, string? ExtractedText)
{
    public static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".svg"];

    public static readonly string[] ReadableExtensions = [".txt", ".md", ".markdown", ".json", ".csv", ".tsv", ".log", ".xml", ".yaml", ".yml"];

    public bool Downloaded => RelativePath is not null;

    public bool IsImage => ImageExtensions.Contains(Path.GetExtension(Attachment.Name ?? "").ToLowerInvariant());
}
