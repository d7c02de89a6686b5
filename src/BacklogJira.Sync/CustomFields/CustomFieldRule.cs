using BacklogJira.Core.Fields;

namespace BacklogJira.Sync.CustomFields;

/// <summary>
/// One entry of config <c>customFields</c> (docs/field-mapping.md): a Jira field, by id or name; the place in the task
/// that holds its value; which way it travels; a map from task values to Jira values; and the Jira projects it applies
/// to (all when none are named).
/// </summary>
public sealed record CustomFieldRule(
    string Name,
    string JiraField,
    TaskPlace Place,
    SyncDirection Direction,
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyList<string> Projects)
{
    public bool AppliesTo(string projectKey) => Projects.Count == 0 || Projects.Contains(projectKey, StringComparer.OrdinalIgnoreCase);

    /// <summary>A task value as Jira spells it (the map's value for it, else itself).</summary>
    public string ToJira(string taskValue) =>
        Values.FirstOrDefault(v => string.Equals(v.Key, taskValue, StringComparison.OrdinalIgnoreCase)).Value ?? taskValue;

    /// <summary>A Jira value as the task spells it (the map's key for it, else itself).</summary>
    public string ToTask(string jiraValue) =>
        Values.FirstOrDefault(v => string.Equals(v.Value, jiraValue, StringComparison.OrdinalIgnoreCase)).Key ?? jiraValue;
}

/// <summary>Where a rule keeps its value in the task. Backlog.md drops frontmatter keys it does not know on every write
/// (docs/reference/backlog-md.md §2.6), so a value lives in something the CLI keeps.</summary>
public abstract record TaskPlace
{
    private TaskPlace()
    {
    }

    /// <summary>Labels that start with <paramref name="Prefix"/> (<c>sp:5</c>): one label per item.</summary>
    public sealed record Label(string Prefix) : TaskPlace
    {
        public bool Owns(string label) => label.Trim().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

        public override string ToString() => $"label:{Prefix}";
    }

    /// <summary>A body section <c>## Title</c> that backlog-jira manages (marked, so the CLI keeps it).</summary>
    public sealed record Section(string Title) : TaskPlace
    {
        public override string ToString() => $"section:{Title}";
    }

    /// <summary>The task's <c>due_date</c> (the built-in due date sync must be off).</summary>
    public sealed record DueDate : TaskPlace
    {
        public override string ToString() => "dueDate";
    }

    /// <summary>The task's <c>milestone</c> (the built-in milestone sync must be off).</summary>
    public sealed record Milestone : TaskPlace
    {
        public override string ToString() => "milestone";
    }
}
