using System.Collections.Concurrent;

namespace BacklogJira.Sync.Engine;

/// <summary>
/// What the ops log last said about each pair that had nothing written: a conflict, a wait or a warning that stands
/// from one run to the next is logged once, and again only when it changes. <c>watch</c> keeps one across its cycles;
/// without one (a one-off command) every run logs what it finds.
/// </summary>
public sealed class StandingReports
{
    private readonly ConcurrentDictionary<string, string> _last = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="report"/> differs from what was last logged for the pair (and records it).</summary>
    public bool IsNews(string taskId, string report)
    {
        var news = !_last.TryGetValue(taskId, out var last) || last != report;
        _last[taskId] = report;
        return news;
    }

    /// <summary>The pair settled or wrote something: a later standing report is news again.</summary>
    public void Clear(string taskId) => _last.TryRemove(taskId, out _);
}
