namespace Sandbox.Jira.Model;

public sealed record IssueType(string Id, string Name, bool Subtask, int HierarchyLevel);

public sealed record Priority(string Id, string Name, string StatusColor);

/// <summary>A project with its workflow and the fields its screens leave out (setting one gives Jira's
/// "not on the appropriate screen" error).</summary>
public sealed class SandboxProject
{
    public required string Id { get; init; }
    public required string Key { get; init; }
    public required string Name { get; init; }
    public required string LeadId { get; init; }
    public Workflow Workflow { get; set; } = Workflow.Default;

    /// <summary>Workflows for particular issue types (by id); the others use <see cref="Workflow"/>.</summary>
    public Dictionary<string, Workflow> IssueTypeWorkflows { get; set; } = [];

    public Workflow WorkflowFor(string issueTypeId) => IssueTypeWorkflows.TryGetValue(issueTypeId, out var workflow) ? workflow : Workflow;

    public IEnumerable<WorkflowStatus> AllStatuses => IssueTypeWorkflows.Values.Prepend(Workflow).SelectMany(w => w.Statuses);
    public List<string> HiddenFields { get; set; } = [];

    /// <summary>The project's versions (releases), in creation order.</summary>
    public List<ProjectVersion> Versions { get; set; } = [];

    /// <summary>The project's components.</summary>
    public List<ProjectComponent> Components { get; set; } = [];
    public int NextIssueNumber { get; set; } = 1;

    /// <summary>False: the user may browse but not create or edit (Jira answers 403).</summary>
    public bool Writable { get; set; } = true;

    public static IReadOnlyList<IssueType> IssueTypes { get; } =
    [
        new("10000", "Epic", false, 1),
        new("10001", "Task", false, 0),
        new("10002", "Bug", false, 0),
        new("10003", "Story", false, 0),
        new("10004", "Subtask", true, -1),
    ];

    public static IReadOnlyList<Priority> Priorities { get; } =
    [
        new("1", "Highest", "#d04437"),
        new("2", "High", "#f15C75"),
        new("3", "Medium", "#f79232"),
        new("4", "Low", "#707070"),
        new("5", "Lowest", "#999999"),
    ];
}
