using BacklogJira.Core.Ports;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Engine;

/// <summary>What one run read from Jira: what came fresh, what no longer exists, and the cache for the rest. A pair is
/// first judged by its issue's <see cref="IssueStamp"/>; the cached issues themselves are loaded (<see cref="LoadAsync"/>)
/// only when some pair needs one.</summary>
internal sealed class IssueReadResult
{
    private readonly JiraIssueCache? _cache;
    private readonly Func<IReadOnlyCollection<string>, Task<JiraIssueRead>> _readWhole;
    private readonly Dictionary<string, JiraIssue> _freshByKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, JiraIssue> _freshById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IssueStamp> _cachedById = new(StringComparer.Ordinal);
    private readonly HashSet<string> _missing;
    private readonly List<JiraIssue> _fresh;
    private Dictionary<string, JiraIssue> _cachedIssues = new(StringComparer.OrdinalIgnoreCase);

    public IssueReadResult(IReadOnlyList<JiraIssue> fresh, IReadOnlyList<string> missing, DateTimeOffset startedAt, JiraIssueCache? cache,
        Func<IReadOnlyCollection<string>, Task<JiraIssueRead>> readWhole)
    {
        _fresh = [.. fresh];
        _missing = missing.ToHashSet(StringComparer.OrdinalIgnoreCase);
        StartedAt = startedAt;
        _cache = cache;
        _readWhole = readWhole;
        foreach (var issue in fresh) Remember(issue);
        if (cache is null) return;
        foreach (var stamp in cache.Stamps)
        {
            if (!_missing.Contains(stamp.Key)) _cachedById.TryAdd(stamp.Id, stamp);
        }
    }

    public DateTimeOffset StartedAt { get; }
    public IReadOnlyList<JiraIssue> Fresh => _fresh;
    public IReadOnlyCollection<string> Missing => _missing;
    public int Fetched => _fresh.Count;

    /// <summary>The key, id and last update of a pair's issue, fresh or cached. Jira keeps an issue's id when it moves to
    /// another project and its key changes, so a pair is followed by the id it was mapped with.</summary>
    public IssueStamp? StampOf(string? id, string key)
    {
        if (FreshIssue(id, key) is { } fresh) return IssueStamp.Of(fresh);
        if (id is not null && _cachedById.TryGetValue(id, out var byId)) return byId;
        return _missing.Contains(key) ? null : _cache?.StampOf(key);
    }

    /// <summary>The issue of a pair, fresh or cached; cached ones only after <see cref="LoadAsync"/>.</summary>
    public JiraIssue? Find(string? id, string key)
    {
        if (FreshIssue(id, key) is { } fresh) return fresh;
        var stamp = StampOf(id, key);
        return stamp is not null && _cachedIssues.TryGetValue(stamp.Key, out var cached) ? cached : null;
    }

    /// <summary>Makes the cached issues of these pairs available to <see cref="Find"/>: loads the cache's issues when one
    /// of them is not fresh, and reads from Jira, in full, any the cache should hold but does not (a file edited by hand).</summary>
    public async Task LoadAsync(IEnumerable<(string? Id, string Key)> pairs)
    {
        var cachedKeys = pairs.Where(p => FreshIssue(p.Id, p.Key) is null).Select(p => StampOf(p.Id, p.Key)?.Key).OfType<string>().ToList();
        if (cachedKeys.Count == 0 || _cache is null) return;
        _cachedIssues = await _cache.IssuesAsync();
        var lost = cachedKeys.Where(k => !_cachedIssues.ContainsKey(k)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (lost.Count == 0) return;
        var reread = await _readWhole(lost);
        foreach (var issue in reread.Issues)
        {
            _fresh.Add(issue);
            Remember(issue);
        }
        foreach (var key in reread.Missing) _missing.Add(key);
    }

    private JiraIssue? FreshIssue(string? id, string key) =>
        id is not null && _freshById.TryGetValue(id, out var byId) ? byId : _freshByKey.GetValueOrDefault(key);

    private void Remember(JiraIssue issue)
    {
        _freshByKey[issue.Key] = issue;
        _freshById[issue.Id] = issue;
    }
}

/// <summary>
/// Reads the mapped issues: in full the first time (or with <c>--full</c>), afterwards only those Jira says were updated
/// since the last read started, less <see cref="Overlap"/>; the others come from the local cache. The overlap covers
/// clock skew between this machine and Jira and Cloud's search-index lag (docs/reference/jira.md §2.4), both seconds in practice.
/// </summary>
internal sealed class IssueReader(IJiraClient jira, TimeProvider clock)
{
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(10);

    public async Task<IssueReadResult> ReadAsync(IReadOnlyList<string> keys, JiraIssueCache? cache, CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow();
        Task<JiraIssueRead> ReadWhole(IReadOnlyCollection<string> some) => jira.ReadIssuesAsync(some, null, cancellationToken);
        if (cache?.ReadStartedAt is not { } lastRead)
        {
            var all = await ReadWhole(keys);
            return new IssueReadResult(all.Issues, all.Missing, startedAt, null, ReadWhole);
        }
        var known = keys.Where(cache.Contains).ToList();
        var unknown = keys.Where(k => !cache.Contains(k)).ToList();
        var changedRead = known.Count == 0 ? Task.FromResult(new JiraIssueRead([], [])) : jira.ReadIssuesAsync(known, lastRead - Overlap, cancellationToken);
        var newRead = unknown.Count == 0 ? Task.FromResult(new JiraIssueRead([], [])) : ReadWhole(unknown);
        var changed = await changedRead;
        var added = await newRead;
        return new IssueReadResult([.. changed.Issues, .. added.Issues], [.. changed.Missing, .. added.Missing], startedAt, cache, ReadWhole);
    }
}
