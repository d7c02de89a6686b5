using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BacklogJira.Core.Fields;
using BacklogJira.Sync.Fields;
using BacklogTools.Files;

namespace BacklogJira.Sync.State;

/// <summary>The original's snapshot file shape (docs/reference/original-plugin.md §2.3) plus the fields it lacked.</summary>
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

/// <summary>
/// <c>snapshots/&lt;taskId&gt;-&lt;side&gt;.json</c>: both files hold the agreed value of every field that has one (a
/// JSON object keyed by field name; a field never agreed has no key), each with the hash of its own payload (the
/// original plugin wrote the other side's hash into one of them). Format 2 (every field, always) is read too, its
/// unresolved fields as never agreed. A snapshot written by the original plugin is read as "no base".
/// </summary>
public sealed class SnapshotStore(StatePaths paths, SyncConfig? config = null)
{
    /// <summary>The fields this run knows (custom-field rules once bound); an entry of another field (a rule this command
    /// did not bind) is kept as it is, never dropped.</summary>
    private IReadOnlyList<ISyncField> Fields => config?.Fields ?? SyncFieldCatalog.All;

    public const string FormatName = "backlog-jira/3";
    private const string PreviousFormat = "backlog-jira/2";

    public AgreedBase? Read(string taskId)
    {
        var path = paths.Snapshot(taskId, "backlog");
        if (!File.Exists(path)) return null;
        try
        {
            var file = JsonSerializer.Deserialize(File.ReadAllText(path), StateJsonContext.Default.SnapshotFile);
            if (file?.Format is not (FormatName or PreviousFormat)) return null;
            if (JsonNode.Parse(file.Payload) is not JsonObject payload) return null;
            var fields = Fields;
            var unresolved = (file.Unresolved ?? []).Select(name => fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))?.Name ?? name)
                .ToImmutableSortedSet();
            var values = ImmutableDictionary.CreateBuilder<string, object?>();
            foreach (var (name, node) in payload)
            {
                // Format 2 kept a value for a field left in conflict; it was never agreed.
                if (file.Format == PreviousFormat && unresolved.Contains(name)) continue;
                var field = fields.FirstOrDefault(f => f.Name == name);
                values[name] = field is null ? node?.DeepClone() : field.FromJson(node);
            }
            return new AgreedBase(values.ToImmutable(), unresolved);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public async Task WriteAsync(string taskId, AgreedBase value, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(paths.Snapshots);
        var payloadObject = new JsonObject();
        var fields = Fields;
        foreach (var field in fields)
        {
            if (value.TryGet(field, out var agreed)) payloadObject[field.Name] = field.ToJson(agreed);
        }
        foreach (var (name, kept) in value.Values.Where(v => v.Value is JsonNode && fields.All(f => f.Name != v.Key)).OrderBy(v => v.Key, StringComparer.Ordinal))
            payloadObject[name] = ((JsonNode)kept!).DeepClone();
        var payload = payloadObject.ToJsonString();
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
                Unresolved = value.Unresolved.Count == 0 ? null : [.. value.Unresolved],
            };
            await AtomicFile.WriteAllTextAsync(paths.Snapshot(taskId, side), JsonSerializer.Serialize(file, StateJsonContext.Default.SnapshotFile) + "\n", cancellationToken);
        }
    }

    public void Delete(string taskId)
    {
        foreach (var side in new[] { "backlog", "jira" }) File.Delete(paths.Snapshot(taskId, side));
    }
}
