namespace BacklogJira.Core.Fields;

/// <summary>How a side holds a field.</summary>
public enum Presence
{
    /// <summary>The side holds a value in canonical form (it may still be one the other side cannot take: see <see cref="SideValue.Stuck"/>).</summary>
    Known,

    /// <summary>The side holds something the other side has no term for (a Jira status or user nothing maps). It counts
    /// as a change, and is never copied over nor read as empty.</summary>
    Foreign,

    /// <summary>The side does not hold the field at all (a Jira description without our managed block). It counts as
    /// unchanged, is never read as a deletion, and is written back from the other side.</summary>
    Missing,
}

/// <summary>
/// One side's value of one field: known, or not represented with a reason (docs/sync.md, "Absence is not deletion").
/// A known value may carry <see cref="Reason"/> too: the other side cannot hold it (an assignee with no Jira user), so
/// it stays where it is, the pair keeps needing that write, and it is never recorded as agreed.
/// </summary>
public sealed record SideValue
{
    private SideValue(Presence presence, object? value, string? reason, string? shown)
    {
        Presence = presence;
        Value = value;
        Reason = reason;
        Shown = shown;
    }

    public Presence Presence { get; }

    /// <summary>The canonical value when <see cref="Presence"/> is <see cref="Presence.Known"/>, else null.</summary>
    public object? Value { get; }

    /// <summary>Why the value cannot cross to the other side, or why it is not represented here; with the fix.</summary>
    public string? Reason { get; }

    /// <summary>What the side holds, for people, when it has no canonical form (<see cref="Presence.Foreign"/>).</summary>
    public string? Shown { get; }

    public bool IsKnown => Presence == Presence.Known;

    /// <summary>Known and free to be copied to the other side.</summary>
    public bool CanCross => Presence == Presence.Known && Reason is null;

    public static SideValue Of(object? value) => new(Presence.Known, value, null, null);

    /// <summary>Known here, but the other side cannot hold it, for <paramref name="reason"/>.</summary>
    public static SideValue Stuck(object? value, string reason) => new(Presence.Known, value, reason, null);

    public static SideValue Foreign(string shown, string reason) => new(Presence.Foreign, null, reason, shown);

    public static SideValue Missing(string reason) => new(Presence.Missing, null, reason, null);
}
