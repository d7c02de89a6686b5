namespace BacklogMcp.Core.Files;

/// <summary>A write outside the download root, or over an existing file, refused with the reason and what to do.</summary>
public sealed class DownloadPathException(string message) : Exception(message);
