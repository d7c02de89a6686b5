using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Fields;
using BacklogJira.Core.Mapping;
using BacklogJira.Core.Ports;

namespace BacklogJira.Sync.Fields;

/// <summary>
/// The task's <c>reporter</c> ⇄ the issue's reporter, through <c>backlog.assigneeMapping</c> (docs/sync.md,
/// "Reporter"). Off unless <c>sync.fields.reporter</c> is true: every issue has a reporter, often someone with no
/// Backlog handle, and turned on by default it would leave most pairs waiting for a user mapping. Jira refuses a new
/// reporter without the "Modify Reporter" permission: that is reported and tried again, never failing the pair.
/// </summary>
public sealed class ReporterField : NameField, ISyncField
{
    public override string Name => "reporter";

    public bool SyncedByDefault => false;

    public SideValue ReadTask(TaskReading reading)
    {
        if (string.IsNullOrWhiteSpace(reading.Task.Reporter) || reading.Task.Reporter.Trim().TrimStart('@').Length == 0) return SideValue.Of(null);
        var handle = AssigneeMapping.Handle(reading.Task.Reporter);
        return reading.Config.Assignees.ToJira(handle) is null
            ? SideValue.Stuck(handle, $"reporter {handle} has no Jira user; map it with: backlog-jira map-assignees add {handle} <email, accountId or user name>")
            : SideValue.Of(handle);
    }

    public SideValue ReadIssue(IssueReading reading)
    {
        if (reading.Issue.Reporter is not { } user) return SideValue.Of(null);
        var handle = reading.Config.Assignees.ToBacklog([user.AccountId, user.Name, user.Key, user.Email, user.DisplayName]);
        return handle is not null
            ? SideValue.Of(handle)
            : SideValue.Foreign(user.DisplayName, $"Jira reporter {user.DisplayName} has no Backlog handle; map it with: {AssigneeMapping.MapCommand(user.DisplayName, user.AccountId ?? user.Name ?? user.DisplayName)}");
    }

    public TaskEdit WriteTask(TaskEdit edit, object? value, TaskWriting writing) => edit with { Reporter = Cast(value) ?? "" };

    public async Task<JiraFieldWrite> WriteJiraAsync(JiraWriting writing, object? value, CancellationToken cancellationToken)
    {
        if (Cast(value) is not { } handle)
        {
            writing.Warnings.Add($"{writing.IssueName}: Jira keeps its reporter; an issue's reporter cannot be cleared.");
            return JiraFieldWrite.Skipped;
        }
        if (await JiraUserLookup.FindAsync(writing, handle, cancellationToken) is not { } user) return JiraFieldWrite.Skipped;
        return new JiraFieldWrite(AfterEdit: async token =>
        {
            var refusal = await writing.Jira.TryUpdateIssueAsync(writing.Issue!.Key, new JiraIssueUpdate { Reporter = user }, token);
            if (refusal is null) return true;
            writing.Warnings.Add($"{writing.IssueName}: Jira refused to make {user.DisplayName} the reporter ({refusal.Message}); this needs the \"Modify Reporter\" permission in the project.");
            return false;
        });
    }

    public async Task<JiraIssueDraft> DraftAsync(JiraWriting writing, JiraIssueDraft draft, object? value, CancellationToken cancellationToken) =>
        Cast(value) is { } handle ? draft with { Reporter = await JiraUserLookup.FindAsync(writing, handle, cancellationToken) } : draft;

    public NewTask ToNewTask(NewTask task, object? value, TaskWriting writing) => task with { Reporter = Cast(value) };
}
