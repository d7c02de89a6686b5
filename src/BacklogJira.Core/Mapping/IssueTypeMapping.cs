namespace BacklogJira.Core.Mapping;

/// <summary>
/// Backlog.md task types ⇄ Jira issue types (docs/sync.md, "Types"): config <c>backlog.typeMapping</c> over defaults
/// that cover Backlog.md's own types. The canonical value is the Jira issue type's name, and null for the project's
/// default issue type (<c>jira.issueType</c>): a task without a type, or of a type mapped to the default, is the same
/// as an issue of the default type, so no file is rewritten merely because its issue is a Task. Sub-task types read as
/// the default too: being a sub-task is a matter of hierarchy, not of type.
/// </summary>
public sealed class IssueTypeMapping
{
    /// <summary>Backlog.md 1.52's default <c>types</c> (docs/reference/backlog-md.md §1.3) onto the issue types every
    /// Jira Software project has.</summary>
    public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["bug"] = "Bug", ["feature"] = "Story", ["enhancement"] = "Story", ["task"] = "Task", ["chore"] = "Task", ["docs"] = "Task", ["spike"] = "Task",
    };

    private static readonly HashSet<string> SubtaskNames = new(["Sub-task", "Subtask", "Sub-Task"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The sub-task type among a project's issue types (Cloud names it Subtask, Data Center Sub-task).</summary>
    public static string? SubtaskTypeAmong(IEnumerable<string> issueTypes) => issueTypes.FirstOrDefault(SubtaskNames.Contains);

    private readonly Dictionary<string, string> _backlogToJira;

    public IssueTypeMapping(IReadOnlyDictionary<string, string> configured, string defaultIssueType)
    {
        ArgumentNullException.ThrowIfNull(configured);
        DefaultIssueType = defaultIssueType;
        _backlogToJira = new Dictionary<string, string>(Defaults, StringComparer.OrdinalIgnoreCase);
        foreach (var (backlog, jira) in configured) _backlogToJira[backlog.Trim()] = jira.Trim();
    }

    public string DefaultIssueType { get; }

    /// <summary>Every Backlog type with the Jira issue type it maps to.</summary>
    public IReadOnlyDictionary<string, string> BacklogToJira => _backlogToJira;

    /// <summary>The canonical value of a task's type: true with null for none or the default type, true with the Jira
    /// type's name when mapped, false when the type has no Jira issue type.</summary>
    public bool TryFromBacklog(string? type, out string? canonical)
    {
        canonical = null;
        if (string.IsNullOrWhiteSpace(type)) return true;
        if (!_backlogToJira.TryGetValue(type.Trim(), out var jira)) return false;
        canonical = Canonical(jira);
        return true;
    }

    /// <summary>The canonical value of an issue type's name.</summary>
    public string? Canonical(string jiraTypeName) =>
        string.Equals(jiraTypeName, DefaultIssueType, StringComparison.OrdinalIgnoreCase) || SubtaskNames.Contains(jiraTypeName) ? null : jiraTypeName;

    /// <summary>The Jira issue type a canonical value stands for.</summary>
    public string JiraName(string? canonical) => canonical ?? DefaultIssueType;

    /// <summary>True when some Backlog type maps to <paramref name="canonical"/> (null, the default, always is).</summary>
    public bool HasBacklogType(string? canonical) => canonical is null || BacklogTypesFor(canonical).Any();

    /// <summary>The task type for <paramref name="canonical"/>: the task's own when it already means that, else one that
    /// maps to it (preferring the one named like the issue type, then the project's configured spelling), null for the
    /// default type when no type maps to it by name.</summary>
    public string? ToBacklog(string? canonical, string? current, IReadOnlyList<string> projectTypes)
    {
        ArgumentNullException.ThrowIfNull(projectTypes);
        if (TryFromBacklog(current, out var currentCanonical) && string.Equals(currentCanonical, canonical, StringComparison.OrdinalIgnoreCase)) return current;
        var jiraName = JiraName(canonical);
        var candidates = BacklogTypesFor(canonical).ToList();
        var chosen = candidates.FirstOrDefault(t => string.Equals(t, jiraName, StringComparison.OrdinalIgnoreCase))
            ?? candidates.FirstOrDefault(t => projectTypes.Contains(t, StringComparer.OrdinalIgnoreCase))
            ?? (canonical is null ? null : candidates.FirstOrDefault());
        return chosen is null ? null : projectTypes.FirstOrDefault(t => string.Equals(t, chosen, StringComparison.OrdinalIgnoreCase)) ?? chosen;
    }

    private IEnumerable<string> BacklogTypesFor(string? canonical) =>
        _backlogToJira.Where(p => string.Equals(Canonical(p.Value), canonical, StringComparison.OrdinalIgnoreCase)).Select(p => p.Key);
}
