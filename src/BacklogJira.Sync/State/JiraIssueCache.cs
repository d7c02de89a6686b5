using System.Text.Json;
using BacklogJira.Core.Ports;
using BacklogTools.Files;

namespace BacklogJira.Sync.State;

internal sealed class JiraIssueCacheDocument
{
    public int SchemaVersion { get; set; } = JiraIssueCache.SchemaVersion;
    public string Site { get; set; } = "";

    /// <summary>When the read that produced <see cref="Issues"/> started, by our clock (epoch ms).</summary>
    public long ReadStartedAt { get; set; }
    public List<JiraIssue> Issues { get; set; } = [];
}

/// <summary>What a run needs to know of a cached issue before it knows whether it needs the issue itself.</summary>
/// <param name="Key">The issue's key when it was read.</param>
/// <param name="Id">Jira's id, which survives a move to another project.</param>
/// <param name="Updated">Jira's last update (UTC ticks).</param>
public sealed record IssueStamp(string Key, string Id, long Updated)
{
    public static IssueStamp Of(JiraIssue issue) => new(issue.Key, issue.Id, issue.Updated.UtcTicks);
}

internal sealed class JiraIssueCacheIndexDocument
{
    public int SchemaVersion { get; set; } = JiraIssueCache.SchemaVersion;
    public string Site { get; set; } = "";
    public long ReadStartedAt { get; set; }

    /// <summary>The size and last write of <c>issues.json</c> this index was written with: any other means the index
    /// does not describe that file, and the file is read whole instead.</summary>
    public long BodiesLength { get; set; }
    public long BodiesTicks { get; set; }
    public List<IssueStamp> Issues { get; set; } = [];
}

/// <summary>
/// <c>.backlog-jira/cache/issues.json</c> (local, ignored by git): the mapped issues as last read, and when that read
/// started. The next sync asks Jira only for the issues updated since then (minus an overlap for clock skew and
/// search-index lag) and takes the rest from here. Any doubt (another site, a newer format, an unreadable file) means
/// no cache: a full read.
/// <para>Beside it, <c>issues-index.json</c>: each issue's key, id and last update. That is all a run needs to start its
/// Jira read and to recognise pairs nothing happened to, so the issues themselves (ten times the bytes, the costliest
/// state to load) are read only when a pair needs one (docs/sync.md, "Performance").</para>
/// </summary>
public sealed class JiraIssueCache
{
    /// <summary>Bumped whenever <see cref="JiraIssue"/> gains a field read from Jira: an older cache would read as that
    /// field empty for every issue not updated since, and an empty side takes the other's value (a milestone pushed over
    /// the issue's fix versions). Version 2: fix versions. Version 3: the fields of custom-field rules. Version 4: remote links. Version 5: comments. Version 6: issue links.</summary>
    public const int SchemaVersion = 8;

    /// <summary>The <see cref="JiraIssue"/> members <see cref="SchemaVersion"/> was set for; a test fails when they change.</summary>
    public const string CachedMembers = "Id,Key,ProjectKey,IssueType,Summary,Description,DescriptionFingerprint,Status,Assignee,Reporter,Priority,Labels,ParentKey,EpicKey,IsSubtask,Resolution,DueDate,FixVersions,CustomFields,RemoteLinks,Comments,Links,Sprints,Created,Updated";

    private readonly StatePaths _paths;
    private readonly Dictionary<string, IssueStamp> _stamps;
    private readonly Lazy<Task<Dictionary<string, JiraIssue>>> _issues;
    private readonly List<Action<Dictionary<string, JiraIssue>>> _changes = [];

    private JiraIssueCache(StatePaths paths, string site, DateTimeOffset? readStartedAt, Dictionary<string, IssueStamp> stamps, Func<Dictionary<string, JiraIssue>> loadIssues)
    {
        _paths = paths;
        Site = site;
        ReadStartedAt = readStartedAt;
        _stamps = stamps;
        _issues = new Lazy<Task<Dictionary<string, JiraIssue>>>(() => Task.Run(loadIssues));
    }

    public string Site { get; }
    public DateTimeOffset? ReadStartedAt { get; private set; }

    /// <summary>Whether the issues file held fewer issues than the index said (edited or replaced by hand): the issues
    /// it lacks must be read from Jira.</summary>
    public bool LostIssues { get; private set; }

    public bool Contains(string key) => _stamps.ContainsKey(key);

    public IssueStamp? StampOf(string key) => _stamps.GetValueOrDefault(key);

    public IReadOnlyCollection<IssueStamp> Stamps => _stamps.Values;

    public static JiraIssueCache Empty(StatePaths paths, string site) =>
        new(paths, site, null, new Dictionary<string, IssueStamp>(StringComparer.OrdinalIgnoreCase), NoIssues);

    public static JiraIssueCache Load(StatePaths paths, string site)
    {
        if (!File.Exists(paths.IssueCache)) return Empty(paths, site);
        if (ReadIndex(paths, site) is { } index)
        {
            var stamps = new Dictionary<string, IssueStamp>(StringComparer.OrdinalIgnoreCase);
            foreach (var stamp in index.Issues) stamps[stamp.Key] = stamp;
            var startedAt = index.ReadStartedAt;
            JiraIssueCache? cache = null;
            cache = new JiraIssueCache(paths, site, DateTimeOffset.FromUnixTimeMilliseconds(startedAt), stamps, () =>
            {
                var document = ReadIssues(paths, site);
                var issues = Index(document is not null && document.ReadStartedAt == startedAt ? document.Issues : []);
                if (stamps.Keys.Any(k => !issues.ContainsKey(k))) cache!.LostIssues = true;
                return issues;
            });
            return cache;
        }
        // No index, or not this file's: the issues file alone, read whole now.
        var whole = ReadIssues(paths, site);
        if (whole is null) return Empty(paths, site);
        var loaded = Index(whole.Issues);
        return new JiraIssueCache(paths, site, DateTimeOffset.FromUnixTimeMilliseconds(whole.ReadStartedAt),
            loaded.Values.ToDictionary(i => i.Key, IssueStamp.Of, StringComparer.OrdinalIgnoreCase), () => loaded);
    }

    /// <summary>The cached issues (read from disk on first use). Issues the index names but the file lacks are absent:
    /// see <see cref="LostIssues"/>.</summary>
    public Task<Dictionary<string, JiraIssue>> IssuesAsync() => _issues.Value;

    /// <summary>Takes in a read: fresh issues replace cached ones, missing keys go, and the watermark moves to its start.</summary>
    public void Absorb(DateTimeOffset readStartedAt, IReadOnlyCollection<JiraIssue> fresh, IReadOnlyCollection<string> missing)
    {
        foreach (var issue in fresh) _stamps[issue.Key] = IssueStamp.Of(issue);
        foreach (var key in missing) _stamps.Remove(key);
        _changes.Add(issues =>
        {
            foreach (var issue in fresh) issues[issue.Key] = issue;
            foreach (var key in missing) issues.Remove(key);
        });
        ReadStartedAt = readStartedAt;
    }

    /// <summary>Forgets issues this run wrote to: their cached copy no longer matches Jira.</summary>
    public void Forget(IReadOnlyCollection<string> keys)
    {
        foreach (var key in keys) _stamps.Remove(key);
        _changes.Add(issues =>
        {
            foreach (var key in keys) issues.Remove(key);
        });
    }

    /// <summary>Writes the issues, then the index that describes them: a crash between the two leaves an index that no
    /// longer matches the file, which reads as "no index".</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        var issues = new Dictionary<string, JiraIssue>(await IssuesAsync(), StringComparer.OrdinalIgnoreCase);
        foreach (var change in _changes) change(issues);
        Directory.CreateDirectory(Path.GetDirectoryName(_paths.IssueCache)!);
        var readStartedAt = ReadStartedAt?.ToUnixTimeMilliseconds() ?? 0;
        var document = new JiraIssueCacheDocument
        {
            Site = Site,
            ReadStartedAt = readStartedAt,
            Issues = [.. issues.Values.OrderBy(i => i.Key, StringComparer.Ordinal)],
        };
        await AtomicFile.WriteAllTextAsync(_paths.IssueCache, JsonSerializer.Serialize(document, CompactContext.JiraIssueCacheDocument), cancellationToken);
        var written = new FileInfo(_paths.IssueCache);
        var index = new JiraIssueCacheIndexDocument
        {
            Site = Site,
            ReadStartedAt = readStartedAt,
            BodiesLength = written.Length,
            BodiesTicks = written.LastWriteTimeUtc.Ticks,
            Issues = [.. document.Issues.Select(IssueStamp.Of)],
        };
        await AtomicFile.WriteAllTextAsync(_paths.IssueCacheIndex, JsonSerializer.Serialize(index, CompactContext.JiraIssueCacheIndexDocument), cancellationToken);
    }

    private static JiraIssueCacheIndexDocument? ReadIndex(StatePaths paths, string site)
    {
        if (!File.Exists(paths.IssueCacheIndex)) return null;
        try
        {
            using var stream = File.OpenRead(paths.IssueCacheIndex);
            var index = JsonSerializer.Deserialize(stream, StateJsonContext.Default.JiraIssueCacheIndexDocument);
            var bodies = new FileInfo(paths.IssueCache);
            return index is not null && index.SchemaVersion == SchemaVersion && string.Equals(index.Site, site, StringComparison.OrdinalIgnoreCase)
                && bodies.Exists && bodies.Length == index.BodiesLength && bodies.LastWriteTimeUtc.Ticks == index.BodiesTicks ? index : null;
        }
        catch (Exception error) when (error is JsonException or IOException or NotSupportedException)
        {
            return null;
        }
    }

    private static JiraIssueCacheDocument? ReadIssues(StatePaths paths, string site)
    {
        try
        {
            using var stream = File.OpenRead(paths.IssueCache);
            var document = JsonSerializer.Deserialize(stream, StateJsonContext.Default.JiraIssueCacheDocument);
            return document is not null && document.SchemaVersion == SchemaVersion && string.Equals(document.Site, site, StringComparison.OrdinalIgnoreCase) ? document : null;
        }
        catch (Exception error) when (error is JsonException or IOException or NotSupportedException)
        {
            return null;
        }
    }

    private static Dictionary<string, JiraIssue> Index(IEnumerable<JiraIssue> issues)
    {
        var result = new Dictionary<string, JiraIssue>(StringComparer.OrdinalIgnoreCase);
        foreach (var issue in issues) result[issue.Key] = issue;
        return result;
    }

    private static Dictionary<string, JiraIssue> NoIssues() => new(StringComparer.OrdinalIgnoreCase);

    private static readonly StateJsonContext CompactContext = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    });
}
