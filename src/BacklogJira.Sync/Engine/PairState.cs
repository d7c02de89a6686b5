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

/// <summary>The state names of the original's <c>status</c> (in-sync, needs-push, …), in kebab case: what every face
/// (CLI lines and JSON, MCP answers, the web UI) calls a state.</summary>
public static class PairStateNames
{
    public static string Name(PairState state) => state switch
    {
        PairState.InSync => "in-sync",
        PairState.NeedsPush => "needs-push",
        PairState.NeedsPull => "needs-pull",
        PairState.NeedsBoth => "needs-push-and-pull",
        PairState.Conflict => "conflict",
        PairState.Unmapped => "unmapped",
        PairState.Unreadable => "unreadable",
        PairState.Archived => "archived",
        PairState.Draft => "draft",
        _ => "missing",
    };

    /// <summary>The state a run reports a pair in: "failed" when the run failed on it, except for an unreadable task
    /// file, which is its own state.</summary>
    public static string Reported(PairOutcome outcome) =>
        outcome.Failed && outcome.State != PairState.Unreadable ? "failed" : Name(outcome.State);
}
