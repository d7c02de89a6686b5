namespace BacklogJira.Core.Model;

/// <summary>The fields that travel between a task and its issue, in the order plans and reports list them.</summary>
public enum SyncField
{
    Title,
    Description,
    Status,
    Assignee,
    Labels,
    Priority,
    AcceptanceCriteria,
    ImplementationPlan,
    ImplementationNotes,
}
