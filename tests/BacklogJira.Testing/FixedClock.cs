namespace BacklogJira.Testing;

/// <summary>A clock the test sets; <c>Microsoft.Extensions.TimeProvider.Testing</c> is not served here.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
