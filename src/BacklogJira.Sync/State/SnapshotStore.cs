using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Model;

namespace BacklogJira.Sync.State;

/// <summary>The original's snapshot file shape (backlog-jira-plugin.md §2.3) plus the fields it lacked.</summary>
internal sealed class SnapshotFile
{
    public string BacklogId { get; set; } = "";
    public string Side { get; set; } = "";
    public string Hash { get; set; } = "";

    /// <summary>The canonical payload as a JSON string (double-encoded, as the original wrote it).</summary>
    public string Payload { get; set; } = "";
    public string UpdatedAt { get; set; } = "";

    /// <summary>Marks snapshots this tool wrote; the original's payloads are normalised differently and cannot serve as a base.</summary>
    public string? Format { get; set; }
    public List<string>? Unresolved { get; set; }
}

internal sealed class SnapshotPayload
{
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string? Status { get; set; }
    public string? Assignee { get; set; }
    public List<string> Labels { get; set; } = [];
    public string? Priority { get; set; }
    public List<CriterionItem> AcceptanceCriteria { get; set; } = [];
    public string ImplementationPlan { get; set; } = "";
    public string ImplementationNotes { get; set; } = "";
}

/// <summary>The last agreed state of a pair.</summary>
public sealed record SyncBase(SyncFields Fields, IReadOnlySet<SyncField> Unresolved);

/// <summary>
/// <c>snapshots/&lt;taskId&gt;-&lt;side&gt;.json</c>: both files hold the agreed canonical value after a sync, each with the
/// hash of its own payload (the original wrote the other side's hash into one of them, §3.4). A snapshot written by
/// the original plugin is read as "no base", so the first sync treats differences as conflicts instead of guessing.
/// </summary>
public sealed class SnapshotStore(StatePaths paths)
{
    public const string FormatName = "backlog-jira/2";

    public SyncBase? Read(string taskId)
    {
        var path = paths.Snapshot(taskId, "backlog");
        if (!File.Exists(path)) return null;
        try
        {
            var file = JsonSerializer.Deserialize(File.ReadAllText(path), StateJsonContext.Default.SnapshotFile);
            if (file?.Format != FormatName) return null;
            var payload = JsonSerializer.Deserialize(file.Payload, StateJsonContext.Default.SnapshotPayload);
            if (payload is null) return null;
            var unresolved = (file.Unresolved ?? []).Select(f => Enum.TryParse<SyncField>(f, out var field) ? field : (SyncField?)null)
                .OfType<SyncField>().ToHashSet();
            return new SyncBase(FromPayload(payload), unresolved);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public async Task WriteAsync(string taskId, SyncBase value, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(paths.Snapshots);
        var payload = JsonSerializer.Serialize(ToPayload(value.Fields), CompactContext.SnapshotPayload);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload)));
        foreach (var side in new[] { "backlog", "jira" })
        {
            var file = new SnapshotFile
            {
                BacklogId = taskId,
                Side = side,
                Hash = hash,
                Payload = payload,
                UpdatedAt = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
                Format = FormatName,
                Unresolved = value.Unresolved.Count == 0 ? null : [.. value.Unresolved.Order().Select(f => f.ToString())],
            };
            await AtomicFile.WriteAllTextAsync(paths.Snapshot(taskId, side), JsonSerializer.Serialize(file, StateJsonContext.Default.SnapshotFile) + "\n", cancellationToken);
        }
    }

    public void Delete(string taskId)
    {
        foreach (var side in new[] { "backlog", "jira" }) File.Delete(paths.Snapshot(taskId, side));
    }

    private static readonly StateJsonContext CompactContext = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = false,
    });

    private static SnapshotPayload ToPayload(SyncFields fields) => new()
    {
        Title = fields.Title,
        Description = fields.Description,
        Status = fields.Status,
        Assignee = fields.Assignee,
        Labels = [.. fields.Labels],
        Priority = fields.Priority,
        AcceptanceCriteria = [.. fields.AcceptanceCriteria],
        ImplementationPlan = fields.ImplementationPlan,
        ImplementationNotes = fields.ImplementationNotes,
    };

    private static SyncFields FromPayload(SnapshotPayload payload) => new()
    {
        Title = payload.Title,
        Description = payload.Description,
        Status = payload.Status,
        Assignee = payload.Assignee,
        Labels = SyncFields.LabelSet(payload.Labels),
        Priority = payload.Priority,
        AcceptanceCriteria = [.. payload.AcceptanceCriteria],
        ImplementationPlan = payload.ImplementationPlan,
        ImplementationNotes = payload.ImplementationNotes,
    };
}
