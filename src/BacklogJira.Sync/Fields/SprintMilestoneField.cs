using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Fields;
using BacklogJira.Core.Ports;

namespace BacklogJira.Sync.Fields;

/// <summary>
/// The task's milestone ⇄ the issue's sprint, by name, when config <c>jira.milestoneAs</c> is <c>"sprint"</c> (docs/sync.md,
/// "Milestones"). It stands in for <see cref="MilestoneField"/> under the same name, and reads and writes the task the
/// same way. The issue's sprint is its future or active one, else the last closed one it was in (a finished issue keeps
/// its sprint). A move goes through the Agile API after the edit: into the board's open sprint of that name, or back to
/// the backlog. Closed sprints are left alone: an issue is never moved out of one nor into one; such a write waits with
/// a warning, as does a name no open sprint has (sprints are planned in Jira, so none is created).
/// </summary>
public sealed class SprintMilestoneField : NameField, ISyncField
{
    public override string Name => "milestone";

    public bool WritesMilestone => true;

    /// <summary>Jira takes a sprint through the Agile API, so a new issue is moved into it once it exists.</summary>
    public bool WrittenAfterCreate => true;

    public override bool Same(string? left, string? right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);

    public SideValue ReadTask(TaskReading reading) => SyncFieldCatalog.Milestone.ReadTask(reading);

    public SideValue ReadIssue(IssueReading reading)
    {
        if (reading.Issue.Sprints is not { } sprints)
            return SideValue.Foreign("(not read)", $"the sprints of {reading.Issue.Key} were not read; run 'backlog-jira sync --full'");
        return SideValue.Of(Current(sprints)?.Name);
    }

    public TaskEdit WriteTask(TaskEdit edit, object? value, TaskWriting writing) => SyncFieldCatalog.Milestone.WriteTask(edit, value, writing);

    public Task<JiraFieldWrite> WriteJiraAsync(JiraWriting writing, object? value, CancellationToken cancellationToken)
    {
        if (writing.Issue is not { } issue) return Task.FromResult(JiraFieldWrite.Skipped);
        var name = Cast(value);
        return Task.FromResult(new JiraFieldWrite(AfterEdit: async token =>
        {
            var current = Current(issue.Sprints ?? []);
            if (name is null)
            {
                if (current is null) return true;
                if (!current.IsOpen)
                {
                    writing.Warnings.Add($"{issue.Key}: its sprint \"{current.Name}\" is closed, and closed sprints are left alone; the milestone stays empty in Backlog only.");
                    return false;
                }
                await writing.Jira.MoveToBacklogAsync(issue.Key, token);
                return true;
            }
            if (current is { IsOpen: false } && Same(current.Name, name)) return true;
            var target = (await writing.Jira.GetOpenSprintsAsync(writing.ProjectKey, false, token)).FirstOrDefault(s => Same(s.Name, name))
                ?? (await writing.Jira.GetOpenSprintsAsync(writing.ProjectKey, true, token)).FirstOrDefault(s => Same(s.Name, name));
            if (target is null)
            {
                writing.Warnings.Add($"{issue.Key}: milestone \"{name}\" has no future or active sprint of that name on the {writing.ProjectKey} board (closed sprints take no issues); plan the sprint in Jira and the next sync moves the issue.");
                return false;
            }
            await writing.Jira.MoveToSprintAsync(target.Id, issue.Key, token);
            return true;
        }));
    }

    public Task<JiraIssueDraft> DraftAsync(JiraWriting writing, JiraIssueDraft draft, object? value, CancellationToken cancellationToken) =>
        Task.FromResult(draft);

    public NewTask ToNewTask(NewTask task, object? value, TaskWriting writing) => SyncFieldCatalog.Milestone.ToNewTask(task, value, writing);

    /// <summary>The issue's open sprint, else the last closed one (Jira lists them oldest first).</summary>
    private static JiraSprint? Current(IReadOnlyList<JiraSprint> sprints) =>
        sprints.LastOrDefault(s => s.IsOpen) ?? (sprints.Count > 0 ? sprints[^1] : null);
}
