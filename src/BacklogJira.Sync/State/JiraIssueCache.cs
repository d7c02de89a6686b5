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

/// <summary>
/// <c>.backlog-jira/cache/issues.json</c> (local, ignored by git): the mapped issues as last read, and when that read
/// started. The next sync asks Jira only for the issues updated since then (minus an overlap for clock skew and
/// search-index lag) and takes the rest from here. Any doubt (another site, a newer format, an unreadable file) means
/// no cache: a full read.
/// </summary>
public sealed class JiraIssueCache
{
    /// <summary>Bumped whenever <see cref="JiraIssue"/> gains a field read from Jira: an older cache would read as that
    /// field empty for every issue not updated since, and an empty side takes the other's value (a milestone pushed over
    /// the issue's fix versions). Version 2: fix versions. Version 3: the fields of custom-field rules. Version 4: remote links. Version 5: comments. Version 6: issue links.</summary>
    public const int SchemaVersion = 6;

    /// <summary>The <see cref="JiraIssue"/> members <see cref="SchemaVersion"/> was set for; a test fails when they change.</summary>
    public const string CachedMembers = "Id,Key,ProjectKey,IssueType,Summary,Description,DescriptionFingerprint,Status,Assignee,Reporter,Priority,Labels,ParentKey,Resolution,DueDate,FixVersions,CustomFields,RemoteLinks,Comments,Links,Created,Updated";

    private readonly StatePaths _paths;
    private readonly Dictionary<string, JiraIssue> _issues;

    private JiraIssueCache(StatePaths paths, string site, DateTimeOffset? readStartedAt, Dictionary<string, JiraIssue> issues)
    {
        _paths = paths;
        Site = site;
        ReadStartedAt = readStartedAt;
        _issues = issues;
    }

    public string Site { get; }
    public DateTimeOffset? ReadStartedAt { get; private set; }
    public IReadOnlyDictionary<string, JiraIssue> Issues => _issues;

    public static JiraIssueCache Empty(StatePaths paths, string site) =>
        new(paths, site, null, new Dictionary<string, JiraIssue>(StringComparer.OrdinalIgnoreCase));

    public static JiraIssueCache Load(StatePaths paths, string site)
    {
        var empty = Empty(paths, site);
        if (!File.Exists(paths.IssueCache)) return empty;
        try
        {
            using var stream = File.OpenRead(paths.IssueCache);
            var document = JsonSerializer.Deserialize(stream, StateJsonContext.Default.JiraIssueCacheDocument);
            if (document is null || document.SchemaVersion != SchemaVersion || !string.Equals(document.Site, site, StringComparison.OrdinalIgnoreCase)) return empty;
            var issues = new Dictionary<string, JiraIssue>(StringComparer.OrdinalIgnoreCase);
            foreach (var issue in document.Issues) issues[issue.Key] = issue;
            return new JiraIssueCache(paths, site, DateTimeOffset.FromUnixTimeMilliseconds(document.ReadStartedAt), issues);
        }
        catch (Exception error) when (error is JsonException or IOException or NotSupportedException)
        {
            return empty;
        }
    }

    /// <summary>Takes in a read: fresh issues replace cached ones, missing keys go, and the watermark moves to its start.</summary>
    public void Absorb(DateTimeOffset readStartedAt, IEnumerable<JiraIssue> fresh, IEnumerable<string> missing)
    {
        foreach (var issue in fresh) _issues[issue.Key] = issue;
        foreach (var key in missing) _issues.Remove(key);
        ReadStartedAt = readStartedAt;
    }

    /// <summary>Forgets issues this run wrote to: their cached copy no longer matches Jira.</summary>
    public void Forget(IEnumerable<string> keys)
    {
        foreach (var key in keys) _issues.Remove(key);
    }

    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_paths.IssueCache)!);
        var document = new JiraIssueCacheDocument
        {
            Site = Site,
            ReadStartedAt = ReadStartedAt?.ToUnixTimeMilliseconds() ?? 0,
            Issues = [.. _issues.Values.OrderBy(i => i.Key, StringComparer.Ordinal)],
        };
        await AtomicFile.WriteAllTextAsync(_paths.IssueCache, JsonSerializer.Serialize(document, CompactContext.JiraIssueCacheDocument), cancellationToken);
    }

    private static readonly StateJsonContext CompactContext = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    });
}
