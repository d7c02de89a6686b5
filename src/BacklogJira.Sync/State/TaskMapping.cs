namespace BacklogJira.Sync.State;

/// <summary>
/// One task ⇄ issue pair. <see cref="TaskCreated"/> and <see cref="TaskFile"/> identify the task beyond its id: an id
/// that Backlog.md reuses after the old task was archived does not inherit the old task's issue.
/// </summary>
public sealed record TaskMapping
{
    public required string TaskId { get; init; }
    public required string JiraKey { get; init; }
    public string? JiraId { get; init; }
    public string? TaskCreated { get; init; }
    public string? TaskFile { get; init; }
    public required DateTimeOffset MappedAt { get; init; }
}
