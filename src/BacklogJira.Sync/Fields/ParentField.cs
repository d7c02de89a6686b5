using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Fields;
using BacklogJira.Core.Ports;

namespace BacklogJira.Sync.Fields;

/// <summary>
/// The task's <c>parent_task_id</c> ⇄ the issue above it (docs/sync.md, "Hierarchy"): Cloud's parent on any level, or on
/// Data Center a sub-task's parent and a standard issue's Epic Link. The value is the parent's task id, so a re-parenting
/// on either side travels as one field. A parent with no pair (a task with no issue, an issue with no task) is never
/// guessed: it stays where it is, is reported with the command that pairs it, and is never recorded as agreed. What
/// Jira's edit cannot do (a sub-task without a parent; on Data Center any move of a sub-task, or an epic over MCP) waits
/// with a warning that says how to do it in Jira.
/// </summary>
public sealed class ParentField : NameField, ISyncField
{
    public override string Name => "parent";

    public IReadOnlyList<string> JiraFieldIds => ["parent"];

    public override bool Same(string? left, string? right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);

    public SideValue ReadTask(TaskReading reading)
    {
        if (string.IsNullOrWhiteSpace(reading.Task.ParentTaskId)) return SideValue.Of(null);
        var parent = DependenciesField.Normalize(reading.Task.ParentTaskId, reading.Task.Id.Prefix);
        return reading.Config.Pairs.ForTask(parent) is null
            ? SideValue.Stuck(parent, $"its parent {parent} has no Jira issue; create it first (backlog-jira create-issue {parent}) or pair it (backlog-jira map link {parent} <KEY>)")
            : SideValue.Of(parent);
    }

    public SideValue ReadIssue(IssueReading reading)
    {
        if (reading.Issue.HierarchyParentKey() is not { } parentKey) return SideValue.Of(null);
        return reading.Config.Pairs.ForIssue(null, parentKey) is { } pair
            ? SideValue.Of(pair.TaskId)
            : SideValue.Stuck(parentKey, $"its parent {parentKey} has no task; import it first (backlog-jira pull --import --jql \"key = {parentKey}\") or pair it (backlog-jira map link <TASK> {parentKey})");
    }

    public TaskEdit WriteTask(TaskEdit edit, object? value, TaskWriting writing) => edit with { ParentTaskId = Cast(value) ?? "" };

    public async Task<JiraFieldWrite> WriteJiraAsync(JiraWriting writing, object? value, CancellationToken cancellationToken)
    {
        if (writing.Issue is not { } issue) return JiraFieldWrite.Skipped;
        var cloud = (await writing.Jira.GetServerInfoAsync(cancellationToken)).Deployment == JiraDeployment.Cloud;
        if (Cast(value) is not { } parentTask)
        {
            if (issue.IsSubtask) return Refuse(writing, $"{issue.Key} is a sub-task, which Jira keeps under a parent; make it a standard issue in Jira (Convert to issue) to move it to the top level.");
            return new JiraFieldWrite(cloud || issue.EpicKey is null
                ? update => update with { ChangeParent = true, ParentKey = null }
                : update => update with { ChangeEpic = true, EpicKey = null });
        }
        if (writing.Config.Pairs.ForTask(parentTask) is not { } pair) return JiraFieldWrite.Skipped;
        if (cloud) return new JiraFieldWrite(update => update with { ChangeParent = true, ParentKey = pair.JiraKey });
        if (issue.IsSubtask)
            return Refuse(writing, $"{issue.Key} is a sub-task, and Data Center moves a sub-task to another parent only through Jira's Move (More → Move); move it under {pair.JiraKey} there.");
        if (!writing.Jira.WritesEpicLink)
            return Refuse(writing, $"{issue.Key}: the MCP transport cannot set Data Center's Epic Link; set Epic Link to {pair.JiraKey} in Jira.");
        var target = await writing.Jira.GetIssueAsync(pair.JiraKey, cancellationToken);
        if (target is null || !string.Equals(target.IssueType, "Epic", StringComparison.OrdinalIgnoreCase))
            return Refuse(writing, $"{issue.Key} cannot go under {pair.JiraKey} on Data Center: a standard issue belongs only to an epic there (its Epic Link), and {pair.JiraKey} is {(target is null ? "gone" : "a " + target.IssueType)}.");
        return new JiraFieldWrite(update => update with { ChangeEpic = true, EpicKey = pair.JiraKey });
    }

    /// <summary>Placed by <c>create-issue</c> itself (a sub-task of the parent's issue, or a child of its epic).</summary>
    public Task<JiraIssueDraft> DraftAsync(JiraWriting writing, JiraIssueDraft draft, object? value, CancellationToken cancellationToken) =>
        Task.FromResult(draft);

    /// <summary>Placed by <c>pull --import</c> itself (parents first, ids as the CLI allocates them).</summary>
    public NewTask ToNewTask(NewTask task, object? value, TaskWriting writing) => task;

    private static JiraFieldWrite Refuse(JiraWriting writing, string warning)
    {
        writing.Warnings.Add(warning);
        return JiraFieldWrite.Skipped;
    }
}
