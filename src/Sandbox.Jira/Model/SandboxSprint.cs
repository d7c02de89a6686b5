namespace Sandbox.Jira.Model;

/// <summary>A sprint of a scrum board: <c>future</c>, then <c>active</c> once started, then <c>closed</c>; issues can be
/// moved only into a future or active one (docs/reference/jira.md §11).</summary>
public sealed class SandboxSprint
{
    public required long Id { get; init; }
    public required string Name { get; set; }
    public string State { get; set; } = "future";
    public required long OriginBoardId { get; init; }
    public DateTimeOffset? StartDate { get; set; }
    public DateTimeOffset? EndDate { get; set; }
    public DateTimeOffset? CompleteDate { get; set; }
    public string? Goal { get; set; }

    public bool IsOpen => State != "closed";
}
