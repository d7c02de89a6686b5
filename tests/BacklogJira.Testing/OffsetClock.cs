namespace BacklogJira.Testing;

/// <summary>The system clock shifted by <see cref="Offset"/>, changeable while a sandbox or an engine runs on it (e.g.
/// issues last updated a day ago, or a machine whose clock runs ahead).</summary>
public sealed class OffsetClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
