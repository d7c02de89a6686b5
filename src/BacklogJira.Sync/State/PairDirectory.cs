namespace BacklogJira.Sync.State;

/// <summary>Which task is paired with which issue, both ways, for fields that name other pairs (dependencies): a task
/// id (normalized, <c>TASK-2</c>) ⇄ the issue's key and id. Followed by id first, since a moved issue keeps its id.</summary>
public sealed class PairDirectory
{
    private readonly Dictionary<string, TaskMapping> _byTask = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TaskMapping> _byIssueId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskMapping> _byIssueKey = new(StringComparer.OrdinalIgnoreCase);

    public PairDirectory(IEnumerable<TaskMapping> mappings)
    {
        foreach (var mapping in mappings)
        {
            _byTask[mapping.TaskId] = mapping;
            _byIssueKey[mapping.JiraKey] = mapping;
            if (mapping.JiraId is { } id) _byIssueId[id] = mapping;
        }
    }

    public static PairDirectory Empty { get; } = new([]);

    public TaskMapping? ForTask(string taskId) => _byTask.GetValueOrDefault(taskId);

    public TaskMapping? ForIssue(string? issueId, string issueKey) =>
        (issueId is not null ? _byIssueId.GetValueOrDefault(issueId) : null) ?? _byIssueKey.GetValueOrDefault(issueKey);
}
