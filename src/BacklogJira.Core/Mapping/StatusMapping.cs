namespace BacklogJira.Core.Mapping;

/// <summary>Per-project overrides of the status mapping (config <c>backlog.projectOverrides.&lt;KEY&gt;</c>).</summary>
public sealed record StatusOverride(
    IReadOnlyDictionary<string, IReadOnlyList<string>> BacklogToJira,
    IReadOnlyDictionary<string, string> JiraToBacklog);

/// <summary>
/// Backlog status ⇄ Jira status (docs/reference/original-plugin.md §5, fixed): a Backlog status maps to a list of acceptable Jira
/// statuses (first preferred); Jira → Backlog uses the project override, then the reverse of the list. A Jira status
/// nothing maps is reported as unmapped, never written to Backlog as a status it does not know.
/// </summary>
public sealed class StatusMapping(
    IReadOnlyDictionary<string, IReadOnlyList<string>> backlogToJira,
    IReadOnlyDictionary<string, StatusOverride>? projectOverrides = null)
{
    /// <summary>The original's defaults (status-mapping.ts), used when config has no mapping.</summary>
    public static StatusMapping Default { get; } = new(new Dictionary<string, IReadOnlyList<string>>
    {
        ["To Do"] = ["To Do", "Open", "Backlog", "Todo"],
        ["In Progress"] = ["In Progress", "In Development", "In Review"],
        ["Done"] = ["Done", "Closed", "Resolved", "Complete"],
    });

    public IReadOnlyDictionary<string, IReadOnlyList<string>> BacklogToJira { get; } = backlogToJira;

    /// <summary>The Jira statuses acceptable for a Backlog status in a project, preferred first; empty when unmapped.</summary>
    public IReadOnlyList<string> AcceptableJiraStatuses(string backlogStatus, string projectKey)
    {
        if (Override(projectKey) is { } projectOverride && Lookup(projectOverride.BacklogToJira, backlogStatus) is { } overridden)
            return overridden;
        return Lookup(BacklogToJira, backlogStatus) ?? [];
    }

    /// <summary>The Backlog status for a Jira status, or null when nothing maps it.</summary>
    public string? ToBacklog(string jiraStatus, string projectKey)
    {
        if (Override(projectKey) is { } projectOverride)
        {
            var direct = projectOverride.JiraToBacklog.FirstOrDefault(p => string.Equals(p.Key, jiraStatus, StringComparison.OrdinalIgnoreCase));
            if (direct.Key is not null) return direct.Value;
            var reverse = projectOverride.BacklogToJira.FirstOrDefault(p => p.Value.Contains(jiraStatus, StringComparer.OrdinalIgnoreCase));
            if (reverse.Key is not null) return reverse.Key;
        }
        // The first Backlog status listing it wins, so a Jira status listed twice maps predictably.
        return BacklogToJira.FirstOrDefault(p => p.Value.Contains(jiraStatus, StringComparer.OrdinalIgnoreCase)).Key;
    }

    private StatusOverride? Override(string projectKey) =>
        projectOverrides?.FirstOrDefault(p => string.Equals(p.Key, projectKey, StringComparison.OrdinalIgnoreCase)).Value;

    private static IReadOnlyList<string>? Lookup(IReadOnlyDictionary<string, IReadOnlyList<string>> map, string status) =>
        map.TryGetValue(status, out var exact) ? exact
        : map.FirstOrDefault(p => string.Equals(p.Key, status, StringComparison.OrdinalIgnoreCase)).Value;
}
