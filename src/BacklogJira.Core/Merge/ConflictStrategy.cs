namespace BacklogJira.Core.Merge;

/// <summary>What to do with a field changed differently on both sides (config <c>sync.conflictStrategy</c>).</summary>
public enum ConflictStrategy
{
    /// <summary>Ask per field; only on a terminal, the shell refuses otherwise.</summary>
    Prompt,
    PreferBacklog,
    PreferJira,

    /// <summary>Leave both sides as they are, record the conflict, show it in <c>status</c>.</summary>
    Manual,
}

/// <summary>The answer to one field conflict.</summary>
public enum ConflictChoice
{
    Backlog,
    Jira,
    LeaveUnresolved,
}
