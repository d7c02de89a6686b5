using System.Text.Json;
using BacklogJira.Core.Mapping;
using BacklogTools.Files;

namespace BacklogJira.Sync.State;

/// <summary>What a settled pair looked like at the end of the last run: its task file (path, size, last write), its
/// snapshot (size, last write) and its issue (id, last update in Jira).</summary>
public sealed record PairFingerprint(string File, long Length, long Ticks, long SnapshotLength, long SnapshotTicks, string IssueId, long IssueUpdated);

internal sealed class PairFingerprintDocument
{
    public int SchemaVersion { get; set; } = 1;

    /// <summary>The build and the configuration the fingerprints were taken under; any change voids them all.</summary>
    public string Stamp { get; set; } = "";
    public Dictionary<string, PairFingerprint> Pairs { get; set; } = [];
}

/// <summary>
/// <c>.backlog-jira/cache/pairs.json</c> (local): the pairs found in sync, with no write, by the last whole-project run.
/// A pair whose task file, snapshot and issue are all as fingerprinted cannot have changed, so the next run reports it
/// in sync without parsing its file or merging it (docs/sync.md, "Performance"). Anything else, including a journal
/// left by a cut-off run or a second file with the same id, goes through the full merge.
/// </summary>
public sealed class PairFingerprints
{
    private static readonly string Build = typeof(CanonicalText).Assembly.ManifestModule.ModuleVersionId.ToString("N") +
        typeof(PairFingerprints).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private readonly StatePaths _paths;
    private readonly string _stamp;
    private readonly Dictionary<string, PairFingerprint> _pairs;

    private PairFingerprints(StatePaths paths, string stamp, Dictionary<string, PairFingerprint> pairs)
    {
        _paths = paths;
        _stamp = stamp;
        _pairs = pairs;
    }

    /// <param name="paths">Our state.</param>
    /// <param name="backlogConfigPath">Backlog.md's config.yml (statuses, types).</param>
    /// <param name="readFolders">Folders whose files the reading of every task depends on (the milestones, whose titles
    /// a task's milestone id stands for): any change to them settles every pair again.</param>
    public static PairFingerprints Load(StatePaths paths, string backlogConfigPath, params string[] readFolders)
    {
        var stamp = Build + "|" + FileStamp(paths.Config) + "|" + FileStamp(backlogConfigPath) + string.Concat(readFolders.Select(f => "|" + FolderStamp(f)));
        var empty = new PairFingerprints(paths, stamp, new Dictionary<string, PairFingerprint>(StringComparer.OrdinalIgnoreCase));
        if (!File.Exists(paths.PairCache)) return empty;
        try
        {
            using var stream = File.OpenRead(paths.PairCache);
            var document = JsonSerializer.Deserialize(stream, StateJsonContext.Default.PairFingerprintDocument);
            if (document is null || document.SchemaVersion != 1 || document.Stamp != stamp) return empty;
            return new PairFingerprints(paths, stamp, new Dictionary<string, PairFingerprint>(document.Pairs, StringComparer.OrdinalIgnoreCase));
        }
        catch (Exception error) when (error is JsonException or IOException or NotSupportedException)
        {
            return empty;
        }
    }

    public PairFingerprint? For(string taskId) => _pairs.GetValueOrDefault(taskId);

    public void Set(string taskId, PairFingerprint fingerprint) => _pairs[taskId] = fingerprint;

    public void Forget(string taskId) => _pairs.Remove(taskId);

    /// <summary>Size and last write of a snapshot, as fingerprinted (0, 0 when there is none).</summary>
    public (long Length, long Ticks) SnapshotStat(string taskId)
    {
        var info = new FileInfo(_paths.Snapshot(taskId, "backlog"));
        return info.Exists ? (info.Length, info.LastWriteTimeUtc.Ticks) : (0, 0);
    }

    /// <summary>Size and last write of every snapshot, from one listing of the snapshot folder (a stat per pair costs
    /// more than the rest of a no-op run's checks together).</summary>
    public Func<string, (long Length, long Ticks)> SnapshotStats()
    {
        const string suffix = "-backlog.json";
        var stats = new Dictionary<string, (long, long)>(StringComparer.OrdinalIgnoreCase);
        if (Directory.Exists(_paths.Snapshots))
        {
            foreach (var info in new DirectoryInfo(_paths.Snapshots).EnumerateFiles("*" + suffix))
                stats[info.Name[..^suffix.Length]] = (info.Length, info.LastWriteTimeUtc.Ticks);
        }
        return taskId => stats.GetValueOrDefault(taskId);
    }

    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_paths.PairCache)!);
        var document = new PairFingerprintDocument { Stamp = _stamp, Pairs = _pairs };
        await AtomicFile.WriteAllTextAsync(_paths.PairCache, JsonSerializer.Serialize(document, StateJsonContext.Default.PairFingerprintDocument), cancellationToken);
    }

    private static string FolderStamp(string folder) => Directory.Exists(folder)
        ? string.Join(",", Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal).Select(f => Path.GetFileName(f) + "=" + FileStamp(f)))
        : "none";

    private static string FileStamp(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? $"{info.Length}:{info.LastWriteTimeUtc.Ticks}" : "none";
    }
}
