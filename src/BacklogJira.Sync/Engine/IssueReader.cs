using BacklogJira.Core.Ports;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Engine;

/// <summary>What one run read from Jira: every selected issue (fresh or cached), what came fresh, what no longer exists.</summary>
internal sealed record IssueReadResult(
    IReadOnlyDictionary<string, JiraIssue> Issues,
    IReadOnlyList<JiraIssue> Fresh,
    IReadOnlyList<string> Missing,
    DateTimeOffset StartedAt)
{
    public int Fetched => Fresh.Count;

    /// <summary>The same issues by id (fresh over cached): Jira keeps an issue's id when it moves to another project and
    /// its key changes, so a pair is followed by the id it was mapped with.</summary>
    public IReadOnlyDictionary<string, JiraIssue> ById { get; } = IndexById(Issues.Values, Fresh);

    public JiraIssue? Find(string? id, string key) =>
        id is not null && ById.TryGetValue(id, out var byId) ? byId : Issues.GetValueOrDefault(key);

    private static Dictionary<string, JiraIssue> IndexById(IEnumerable<JiraIssue> all, IEnumerable<JiraIssue> fresh)
    {
        var result = new Dictionary<string, JiraIssue>(StringComparer.Ordinal);
        foreach (var issue in all) result.TryAdd(issue.Id, issue);
        foreach (var issue in fresh) result[issue.Id] = issue;
        return result;
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
        if (cache?.ReadStartedAt is not { } lastRead)
        {
            var all = await jira.ReadIssuesAsync(keys, null, cancellationToken);
            return new IssueReadResult(Index(all.Issues), all.Issues, all.Missing, startedAt);
        }
        var known = keys.Where(k => cache.Issues.ContainsKey(k)).ToList();
        var unknown = keys.Where(k => !cache.Issues.ContainsKey(k)).ToList();
        var changedRead = known.Count == 0 ? Task.FromResult(new JiraIssueRead([], [])) : jira.ReadIssuesAsync(known, lastRead - Overlap, cancellationToken);
        var newRead = unknown.Count == 0 ? Task.FromResult(new JiraIssueRead([], [])) : jira.ReadIssuesAsync(unknown, null, cancellationToken);
        var changed = await changedRead;
        var added = await newRead;
        var missing = changed.Missing.Concat(added.Missing).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var issues = new Dictionary<string, JiraIssue>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in known.Where(k => !missing.Contains(k))) issues[key] = cache.Issues[key];
        List<JiraIssue> fresh = [.. changed.Issues, .. added.Issues];
        foreach (var issue in fresh) issues[issue.Key] = issue;
        return new IssueReadResult(issues, fresh, [.. missing], startedAt);
    }

    private static Dictionary<string, JiraIssue> Index(IEnumerable<JiraIssue> issues)
    {
        var result = new Dictionary<string, JiraIssue>(StringComparer.OrdinalIgnoreCase);
        foreach (var issue in issues) result[issue.Key] = issue;
        return result;
    }
}
