using Sandbox.Jira.Model;
using Sandbox.Jira.State;

namespace Sandbox.Jira.Http;

/// <summary>
/// The ordered matches of recent queries, reused while the data has not changed: paging through 10,000 issues then
/// filters and sorts once instead of once per page, as Jira's search index would. Relative dates (<c>-5m</c>,
/// <c>now()</c>) make a result time-dependent, so entries also expire after a second.
/// </summary>
internal sealed class SearchIndex(SandboxState state)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (long Version, DateTimeOffset At, List<SandboxIssue> Matches)> _entries = [];

    public List<SandboxIssue> Matches(string jql, SandboxUser me, Func<List<SandboxIssue>> compute)
    {
        var key = me.Key + "\n" + jql;
        var now = state.Now();
        // The version is taken before the matches are computed: a write that lands while they are computed makes them
        // stale, and stored under the newer version they would be served as current (an edit missing from searches).
        var version = state.Version;
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry) && entry.Version == version && now - entry.At < TimeSpan.FromSeconds(1))
                return entry.Matches;
        }
        var matches = compute();
        lock (_gate)
        {
            if (_entries.Count > 64) _entries.Clear();
            _entries[key] = (version, now, matches);
        }
        return matches;
    }
}
