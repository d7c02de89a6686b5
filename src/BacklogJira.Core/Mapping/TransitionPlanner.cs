using BacklogJira.Core.Ports;

namespace BacklogJira.Core.Mapping;

/// <summary>
/// Picks the next workflow transition toward an acceptable status (docs/reference/original-plugin.md §5.2, fixed): a direct
/// transition when one exists; otherwise a breadth-first search over the transitions seen so far (Jira only lists the
/// ones from the current status, so the caller re-asks after each hop and passes what it has learned); otherwise a
/// step toward the target's status category (to do → in progress → done) to a status not yet visited.
/// </summary>
public static class TransitionPlanner
{
    public const int MaxHops = 6;

    /// <param name="currentStatusId">Where the issue is now.</param>
    /// <param name="acceptable">Acceptable target status names, preferred first.</param>
    /// <param name="known">Transitions seen per status id during this run (must include the current status).</param>
    /// <param name="visited">Status ids already passed through, to avoid cycles.</param>
    /// <param name="targetCategory">The target's status category when known from <c>/status</c>; guides unexplored hops.</param>
    public static JiraTransition? NextHop(string currentStatusId, IReadOnlyList<string> acceptable,
        IReadOnlyDictionary<string, IReadOnlyList<JiraTransition>> known, IReadOnlySet<string> visited, string? targetCategory = null)
    {
        if (!known.TryGetValue(currentStatusId, out var here) || here.Count == 0) return null;
        foreach (var name in acceptable)
        {
            var direct = here.FirstOrDefault(t => string.Equals(t.To.Name, name, StringComparison.OrdinalIgnoreCase));
            if (direct is not null) return direct;
        }
        var viaKnown = ShortestKnownPath(currentStatusId, acceptable, known);
        if (viaKnown is not null) return viaKnown;

        targetCategory ??= known.Values.SelectMany(t => t)
            .FirstOrDefault(t => acceptable.Contains(t.To.Name, StringComparer.OrdinalIgnoreCase))?.To.CategoryKey;
        var currentCategory = known.Values.SelectMany(t => t).FirstOrDefault(t => t.To.Id == currentStatusId)?.To.CategoryKey;
        return here
            .Where(t => !visited.Contains(t.To.Id) && t.To.Id != currentStatusId)
            .OrderBy(t => Distance(t.To.CategoryKey, targetCategory))
            .ThenBy(t => t.To.CategoryKey == currentCategory ? 0 : 1)
            .FirstOrDefault();
    }

    private static JiraTransition? ShortestKnownPath(string start, IReadOnlyList<string> acceptable, IReadOnlyDictionary<string, IReadOnlyList<JiraTransition>> known)
    {
        var firstHop = new Dictionary<string, JiraTransition>();
        var queue = new Queue<string>([start]);
        var seen = new HashSet<string> { start };
        while (queue.Count > 0)
        {
            var status = queue.Dequeue();
            if (!known.TryGetValue(status, out var transitions)) continue;
            foreach (var transition in transitions)
            {
                if (!seen.Add(transition.To.Id)) continue;
                var hop = status == start ? transition : firstHop[status];
                if (acceptable.Contains(transition.To.Name, StringComparer.OrdinalIgnoreCase)) return hop;
                firstHop[transition.To.Id] = hop;
                queue.Enqueue(transition.To.Id);
            }
        }
        return null;
    }

    private static int Distance(string category, string? target)
    {
        static int Rank(string? key) => key switch { "new" => 0, "indeterminate" => 1, "done" => 2, _ => 1 };
        return target is null ? 0 : Math.Abs(Rank(category) - Rank(target));
    }
}
