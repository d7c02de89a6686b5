namespace BacklogJira.Core.Merge;

public enum FieldAction
{
    /// <summary>Both sides hold the agreed value.</summary>
    InSync,

    /// <summary>Backlog changed (or Jira does not hold the field): write Backlog's value to Jira.</summary>
    PushToJira,

    /// <summary>Jira changed (or Backlog does not hold the field): write Jira's value to Backlog.</summary>
    PullToBacklog,

    /// <summary>Both changed and the changes combine (acceptance criteria item by item): write the result to both.</summary>
    MergeBoth,

    /// <summary>Both changed differently and the conflict was left unresolved (manual strategy, or declined).</summary>
    Conflict,

    /// <summary>Jira's change, held back by a push (which writes only to Jira); the next pull or sync carries it.</summary>
    LeftForPull,

    /// <summary>Backlog's change, held back by a pull (which writes only to Backlog); the next push or sync carries it.</summary>
    LeftForPush,

    /// <summary>Backlog's value should go to Jira, but Jira cannot hold it (the reason says why and what fixes it).
    /// Nothing is written and nothing is agreed; the pair keeps needing the push.</summary>
    CannotPush,

    /// <summary>Jira's value should come to Backlog, but Backlog has no term for it (an unmapped Jira user).</summary>
    CannotPull,
}

/// <summary>What the merge decided for one field, and why. <see cref="Value"/> is what is written (for the actions
/// that write) or the value that is waiting (for the ones that cannot).</summary>
public sealed record FieldDecision(string Field, FieldAction Action, bool WasConflict, string Reason, object? Value = null)
{
    public bool WritesJira => Action is FieldAction.PushToJira or FieldAction.MergeBoth;

    public bool WritesBacklog => Action is FieldAction.PullToBacklog or FieldAction.MergeBoth;

    public bool WaitsForPush => Action is FieldAction.PushToJira or FieldAction.MergeBoth or FieldAction.LeftForPush or FieldAction.CannotPush;

    public bool WaitsForPull => Action is FieldAction.PullToBacklog or FieldAction.MergeBoth or FieldAction.LeftForPull or FieldAction.CannotPull;
}
