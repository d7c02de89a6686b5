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
}
