namespace BacklogJira.Sync.Engine;

/// <summary>A pair's state as <c>status</c> reports it.</summary>
public enum PairState
{
    InSync,
    NeedsPush,
    NeedsPull,
    NeedsBoth,
    Conflict,
    Unmapped,
    Missing,

    /// <summary>The task's file does not parse (or cannot be read): the pair is skipped, its mapping kept.</summary>
    Unreadable,

    /// <summary>The task was archived in Backlog.md: not synced, link kept, not a failure.</summary>
    Archived,

    /// <summary>The task was demoted to a draft: not synced, link kept, not a failure.</summary>
    Draft,
}
