namespace BacklogJira.Serve.Queue;

/// <summary>
/// One thing to sync again: an issue Jira told us about (by id, which survives a move; the key as last sent) or a task
/// whose file changed. Every event for the same issue or task lands on the same item, so a burst becomes one sync.
/// </summary>
public sealed record WorkItem
{
    public required string Name { get; init; }
    public string? IssueId { get; init; }
    public string? IssueKey { get; init; }
    public string? TaskId { get; init; }

    /// <summary>The issue was deleted in Jira: never imported; its pair's sync reports it missing.</summary>
    public bool Deleted { get; init; }

    /// <summary>What asked for it, newest last, at most <see cref="PendingWork.ReasonsKept"/>.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    public int Events { get; init; }
    public DateTimeOffset FirstSeen { get; init; }
    public DateTimeOffset LastSeen { get; init; }

    /// <summary>Changes with every event: the item is removed only if no event came while it was being worked on.</summary>
    public string Version { get; init; } = "";

    public static string IssueName(string issueId) => "issue-" + issueId;

    public static string TaskName(string taskId) => "task-" + taskId.ToLowerInvariant();
}
