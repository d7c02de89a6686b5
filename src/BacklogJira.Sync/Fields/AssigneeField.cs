using System.Collections.Immutable;
using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Fields;
using BacklogJira.Core.Mapping;
using BacklogJira.Core.Ports;

namespace BacklogJira.Sync.Fields;

/// <summary>
/// The task's assignees ⇄ the issue's one assignee (docs/sync.md, "Assignees"): Jira holds the task's first assignee,
/// through <c>backlog.assigneeMapping</c>. The others belong to Backlog only and are never erased by a pull; a pull
/// replaces (or, when Jira has none, removes) only the first. A handle with no Jira user, or a Jira user with no
/// handle, is not represented on the other side: it waits with the command that maps it.
/// </summary>
public sealed class AssigneeField : PrimaryListField, ISyncField
{
    public override string Name => "assignee";

    public IReadOnlyList<string> JiraFieldIds => ["assignee"];

    public SideValue ReadTask(TaskReading reading)
    {
        ImmutableArray<string> handles = [.. reading.Task.Assignees.Where(a => a.Trim().TrimStart('@').Length > 0).Select(AssigneeMapping.Handle).Distinct(StringComparer.OrdinalIgnoreCase)];
        if (handles.Length > 0 && reading.Config.Assignees.ToJira(handles[0]) is null)
            return SideValue.Stuck(handles, $"{handles[0]} has no Jira user; map it with: backlog-jira map-assignees add {handles[0]} <email, accountId or user name>");
        return SideValue.Of(handles);
    }

    public SideValue ReadIssue(IssueReading reading)
    {
        if (reading.Issue.Assignee is not { } user) return SideValue.Of(Empty);
        var handle = reading.Config.Assignees.ToBacklog([user.AccountId, user.Name, user.Key, user.Email, user.DisplayName]);
        return handle is not null
            ? SideValue.Of(ImmutableArray.Create(handle))
            : SideValue.Foreign(user.DisplayName, $"Jira assignee {user.DisplayName} has no Backlog handle; map it with: {AssigneeMapping.MapCommand(user.DisplayName, user.AccountId ?? user.Name ?? user.DisplayName)}");
    }

    public TaskEdit WriteTask(TaskEdit edit, object? value, TaskWriting writing)
    {
        var others = writing.Task.Assignees.Where(a => a.Trim().TrimStart('@').Length > 0).Select(AssigneeMapping.Handle).Skip(1);
        return edit with { Assignees = [.. Cast(value).Take(1).Concat(others).Distinct(StringComparer.OrdinalIgnoreCase)] };
    }

    public async Task<JiraFieldWrite> WriteJiraAsync(JiraWriting writing, object? value, CancellationToken cancellationToken)
    {
        var handle = First(Cast(value));
        if (handle is null) return new JiraFieldWrite(update => update with { ChangeAssignee = true, Assignee = null });
        var user = await JiraUserLookup.FindAsync(writing, handle, cancellationToken);
        return user is null ? JiraFieldWrite.Skipped : new JiraFieldWrite(update => update with { ChangeAssignee = true, Assignee = user });
    }

    public async Task<JiraIssueDraft> DraftAsync(JiraWriting writing, JiraIssueDraft draft, object? value, CancellationToken cancellationToken) =>
        First(Cast(value)) is { } handle ? draft with { Assignee = await JiraUserLookup.FindAsync(writing, handle, cancellationToken) } : draft;

    public NewTask ToNewTask(NewTask task, object? value, TaskWriting writing) => task with { Assignees = [.. Cast(value)] };
}
