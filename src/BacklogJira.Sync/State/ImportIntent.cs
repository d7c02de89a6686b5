using System.Text.Json;
using BacklogTools.Files;

namespace BacklogJira.Sync.State;

/// <summary>One task an import is about to write for an issue.</summary>
public sealed record ImportIntentEntry(string IssueKey, string IssueId, string TaskId, string CreatedDate, string TaskFile);

internal sealed class ImportIntentDocument
{
    public int SchemaVersion { get; set; } = 1;
    public List<ImportIntentEntry> Entries { get; set; } = [];
}

/// <summary>
/// <c>.backlog-jira/pending/import.json</c> (local): the tasks an import is about to write, recorded inside the create
/// lock before the first file. A run cut off midway leaves it behind, and the rerun adopts each listed task that is still
/// there (same id, same <c>created_date</c>, which no CLI edit changes) even when the CLI has since rewritten the file
/// and dropped its <c>jira_key</c> mirror (docs/sync.md, "pull --import"). An unreadable record is treated as none: the
/// mirror keys still catch the files the CLI did not rewrite.
/// </summary>
public sealed class ImportIntent(StatePaths paths)
{
    private string FilePath => paths.ImportIntent;

    public IReadOnlyList<ImportIntentEntry> Load()
    {
        if (!File.Exists(FilePath)) return [];
        try
        {
            var document = JsonSerializer.Deserialize(File.ReadAllText(FilePath), StateJsonContext.Default.ImportIntentDocument);
            return document is { SchemaVersion: 1 } ? document.Entries : [];
        }
        catch (Exception error) when (error is JsonException or IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>Records the entries (replacing the file), or removes the file when there are none.</summary>
    public async Task SaveAsync(IReadOnlyList<ImportIntentEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            if (File.Exists(FilePath)) File.Delete(FilePath);
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var document = new ImportIntentDocument { Entries = [.. entries] };
        await AtomicFile.WriteAllTextAsync(FilePath, JsonSerializer.Serialize(document, StateJsonContext.Default.ImportIntentDocument), cancellationToken);
    }
}
