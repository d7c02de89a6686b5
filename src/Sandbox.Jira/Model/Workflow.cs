namespace Sandbox.Jira.Model;

public sealed record WorkflowStatus(string Id, string Name, string CategoryKey);

/// <summary>One edge of a workflow: from any of <paramref name="FromStatusIds"/> (empty = global) to a status.
/// <paramref name="RequiredFields"/> are on the transition screen and must be given (e.g. resolution).</summary>
public sealed record WorkflowTransition(
    string Id,
    string Name,
    IReadOnlyList<string> FromStatusIds,
    string ToStatusId,
    IReadOnlyList<string> ScreenFields,
    IReadOnlyList<string> RequiredFields);

/// <summary>A project's workflow for one issue type: statuses and the edges between them (ids per edge, as in Jira).</summary>
public sealed record Workflow(string InitialStatusId, IReadOnlyList<WorkflowStatus> Statuses, IReadOnlyList<WorkflowTransition> Transitions)
{
    public WorkflowStatus Status(string id) => Statuses.Single(s => s.Id == id);

    public IEnumerable<WorkflowTransition> From(string statusId) =>
        Transitions.Where(t => t.FromStatusIds.Count == 0 || t.FromStatusIds.Contains(statusId));

    /// <summary>To Do → In Progress → In Review → Done, with Done needing a resolution and only reachable from review,
    /// so multi-hop paths and required fields are exercised.</summary>
    public static Workflow Default { get; } = new(
        "10000",
        [
            new("10000", "To Do", "new"),
            new("3", "In Progress", "indeterminate"),
            new("10001", "In Review", "indeterminate"),
            new("10002", "Done", "done"),
        ],
        [
            new("11", "Start Progress", ["10000"], "3", [], []),
            new("21", "Stop Progress", ["3"], "10000", [], []),
            new("31", "Request Review", ["3"], "10001", [], []),
            new("41", "Back to Progress", ["10001"], "3", [], []),
            new("51", "Approve", ["10001"], "10002", ["resolution"], ["resolution"]),
            new("61", "Reopen", ["10002"], "10000", [], []),
        ]);
}
