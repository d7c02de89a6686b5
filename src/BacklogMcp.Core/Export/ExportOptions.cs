namespace BacklogMcp.Core.Export;

/// <summary>The export tool's switches, with the reference's defaults.</summary>
public sealed record ExportOptions
{
    public string? OutputDir { get; init; }

    public bool IncludeComments { get; init; } = true;

    public bool IncludeAttachments { get; init; } = true;

    public bool DownloadAttachments { get; init; } = true;

    public bool ExtractReadableFiles { get; init; }

    public long MaxAttachmentBytes { get; init; } = 10 * 1024 * 1024;

    public int PlacementWindowMinutes { get; init; } = 10;

    public bool SkipChangelogOnlyComments { get; init; }

    /// <summary>Extracted text beyond this many characters is cut (with a note), so one log file cannot flood a model.</summary>
    public int MaxExtractedChars { get; init; } = 200_000;
}

/// <summary>Where a bundle was written and what it holds.</summary>
public sealed record ExportResult(string IssueKey, string Directory, string RawMarkdownPath, string ManifestPath, int Comments, int ExportedComments, IReadOnlyList<ExportedAttachment> Attachments);
