namespace BacklogJira.Core.Fields;

/// <summary>Which way a field travels (a custom-field rule's <c>direction</c>, docs/field-mapping.md).</summary>
public enum SyncDirection
{
    /// <summary>Both ways, through the 3-way merge.</summary>
    Both,

    /// <summary>Backlog.md is the source: its value is written to Jira whenever they differ; Jira's edits are overwritten.</summary>
    ToJira,

    /// <summary>Jira is the source: its value is written to the task whenever they differ; task edits are overwritten.</summary>
    ToBacklog,
}
