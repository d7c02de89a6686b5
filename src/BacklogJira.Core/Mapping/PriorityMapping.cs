namespace BacklogJira.Core.Mapping;

/// <summary>
/// Backlog priority (high/medium/low) ⇄ Jira priority name, the documented configurable version of the original
/// (docs/reference/original-plugin.md §6.4): ordered lists per Backlog priority, per-project overrides, reverse derived
/// case-insensitively. The first listed name the project's scheme has is used; none → the field is skipped with a
/// warning instead of failing the whole update.
/// </summary>
public sealed class PriorityMapping(
    IReadOnlyDictionary<string, IReadOnlyList<string>> backlogToJira,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>? projectOverrides = null)
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> DefaultLists { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        ["high"] = ["High", "Highest", "Critical", "Blocker"],
        ["medium"] = ["Medium", "Major"],
        ["low"] = ["Low", "Lowest", "Minor", "Trivial"],
    };

    public static PriorityMapping Default { get; } = new(DefaultLists);

    /// <summary>The Jira priority to send, or null when no listed name exists in <paramref name="available"/>.</summary>
    public string? ToJira(string backlogPriority, string projectKey, IReadOnlyCollection<string> available)
    {
        var candidates = Lists(projectKey).FirstOrDefault(p => string.Equals(p.Key, backlogPriority, StringComparison.OrdinalIgnoreCase)).Value ?? [];
        return candidates.Select(c => available.FirstOrDefault(a => string.Equals(a, c, StringComparison.OrdinalIgnoreCase))).FirstOrDefault(a => a is not null);
    }

    /// <summary>True when the Backlog priority has a list of Jira names (whether the scheme has one is known only to Jira).</summary>
    public bool IsMapped(string backlogPriority, string projectKey) =>
        Lists(projectKey).Any(p => string.Equals(p.Key, backlogPriority, StringComparison.OrdinalIgnoreCase) && p.Value.Count > 0);

    /// <summary>The Backlog priority for a Jira priority name, or null when no list contains it.</summary>
    public string? ToBacklog(string jiraPriority, string projectKey) =>
        Lists(projectKey).FirstOrDefault(p => p.Value.Contains(jiraPriority, StringComparer.OrdinalIgnoreCase)).Key?.ToLowerInvariant();

    private IReadOnlyDictionary<string, IReadOnlyList<string>> Lists(string projectKey) =>
        projectOverrides?.FirstOrDefault(p => string.Equals(p.Key, projectKey, StringComparison.OrdinalIgnoreCase)).Value ?? backlogToJira;
}
