using BacklogJira.Core.Ports;

namespace BacklogJira.Jira.Mcp;

/// <summary>
/// Where a transition leads, which mcp-atlassian does not say (its <c>jira_get_transitions</c> gives id and name only,
/// docs/reference/jira.md §1.4), and no tool of it tells exactly. In order: a target the server does send (<c>to_status</c>,
/// newer versions), the user's <c>jira.transitionTargets</c> (transition name → status name), a target seen earlier in
/// this run after taking that transition, a status named like the transition (Jira's default for simplified and
/// team-managed workflows). A transition whose target stays unknown is left out, so the planner never takes it blindly.
/// </summary>
internal static class McpTransitionTargets
{
    public static JiraStatus? Resolve(string transitionName, string? serverTarget, IReadOnlyDictionary<string, string> hints,
        JiraStatus? learned, IReadOnlyDictionary<string, JiraStatus> knownStatuses)
    {
        var name = serverTarget is { Length: > 0 } ? serverTarget
            : hints.FirstOrDefault(h => string.Equals(h.Key, transitionName, StringComparison.OrdinalIgnoreCase)).Value;
        if (name is null && learned is not null) return learned;
        name ??= knownStatuses.ContainsKey(transitionName) ? transitionName : null;
        if (name is null) return null;
        return knownStatuses.TryGetValue(name, out var known) ? known : new JiraStatus(name, name, "undefined");
    }
}
