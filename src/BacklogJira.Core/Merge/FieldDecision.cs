using BacklogJira.Core.Model;

namespace BacklogJira.Core.Merge;

public enum FieldAction
{
    /// <summary>Both sides hold the agreed value.</summary>
    InSync,

    /// <summary>Backlog changed: write its value to Jira.</summary>
    PushToJira,

    /// <summary>Jira changed: write its value to Backlog.</summary>
    PullToBacklog,

    /// <summary>Both changed and the changes combine (acceptance criteria item by item): write the result to both.</summary>
    MergeBoth,

    /// <summary>Both changed differently and the conflict was left unresolved (manual strategy, or declined).</summary>
    Conflict,

    /// <summary>Jira's change, held back by a push (which writes only to Jira); the next pull or sync carries it.</summary>
    LeftForPull,

    /// <summary>Backlog's change, held back by a pull (which writes only to Backlog); the next push or sync carries it.</summary>
    LeftForPush,
}

/// <summary>What the merge decided for one field, and why.</summary>
public sealed record FieldDecision(SyncField Field, FieldAction Action, bool WasConflict, string Reason);
