using BacklogJira.Serve.Queue;
using BacklogJira.Sync.State;

namespace BacklogJira.Serve.Work;

/// <summary>
/// What a batch of queued items asks for (pure): the pairs to sync (an issue found by its id, which survives a move, else
/// by its key), the new issues to import, and the items that need nothing, each with why.
/// </summary>
public sealed record WorkPlan(IReadOnlyList<string> TaskIds, IReadOnlyList<string> ImportKeys, IReadOnlyList<(WorkItem Item, string Why)> Skipped)
{
    public static WorkPlan For(IReadOnlyList<WorkItem> items, MappingFile mappings, bool importNew)
    {
        var taskIds = new List<string>();
        var importKeys = new List<string>();
        var skipped = new List<(WorkItem, string)>();
        foreach (var item in items)
        {
            var mapping = item.TaskId is { } taskId ? mappings.ForTask(taskId)
                : (item.IssueId is { } id ? mappings.ById(id) : null) ?? (item.IssueKey is { } key ? mappings.ForIssue(key) : null);
            if (mapping is not null)
            {
                if (!taskIds.Contains(mapping.TaskId, StringComparer.OrdinalIgnoreCase)) taskIds.Add(mapping.TaskId);
            }
            else if (item.TaskId is not null)
            {
                skipped.Add((item, "the task has no issue (create-issue makes one)"));
            }
            else if (item.Deleted)
            {
                skipped.Add((item, "deleted in Jira, and never paired"));
            }
            else if (item.IssueKey is null)
            {
                skipped.Add((item, "an issue no task is paired with (a link event names issues by id only)"));
            }
            else if (!importNew)
            {
                skipped.Add((item, "an issue no task is paired with (import is off: --no-import)"));
            }
            else if (!importKeys.Contains(item.IssueKey, StringComparer.OrdinalIgnoreCase))
            {
                importKeys.Add(item.IssueKey);
            }
        }
        return new WorkPlan(taskIds, importKeys, skipped);
    }
}
