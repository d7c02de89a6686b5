using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Fields;
using BacklogJira.Core.Ports;

namespace BacklogJira.Sync.Fields;

/// <summary>
/// The task's milestone ⇄ the issue's fix version (docs/sync.md, "Milestones"), by name: a task stores a milestone's id
/// (<c>m-0</c>) when the CLI resolved one, read as that milestone's title, and is written the same way. A task holds one
/// milestone and an issue may have several fix versions: several are not represented in Backlog and wait. A version
/// Jira does not have is created only when <c>jira.createVersions</c> is true; otherwise the write is skipped with a
/// warning and tried again.
/// </summary>
public sealed class MilestoneField : NameField, ISyncField
{
    public override string Name => "milestone";

    public IReadOnlyList<string> JiraFieldIds => ["fixVersions"];

    public bool WritesMilestone => true;

    public override bool Same(string? left, string? right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);

    public SideValue ReadTask(TaskReading reading) =>
        SideValue.Of(string.IsNullOrWhiteSpace(reading.Task.Milestone) ? null : reading.Milestones.Title(reading.Task.Milestone));

    public SideValue ReadIssue(IssueReading reading) => reading.Issue.FixVersions switch
    {
        [] => SideValue.Of(null),
        [var one] => SideValue.Of(one),
        var several => SideValue.Foreign(string.Join(", ", several),
            $"the issue has {several.Count} fix versions ({string.Join(", ", several)}) and a task holds one milestone; keep one in Jira"),
    };

    public TaskEdit WriteTask(TaskEdit edit, object? value, TaskWriting writing) =>
        edit with { Milestone = Cast(value) is { } title ? writing.Milestones.IdFor(title) ?? title : "" };

    public async Task<JiraFieldWrite> WriteJiraAsync(JiraWriting writing, object? value, CancellationToken cancellationToken)
    {
        if (Cast(value) is not { } name) return new JiraFieldWrite(update => update with { FixVersions = [] });
        var version = await VersionAsync(writing, name, cancellationToken);
        return version is null ? JiraFieldWrite.Skipped : new JiraFieldWrite(update => update with { FixVersions = [version] });
    }

    public async Task<JiraIssueDraft> DraftAsync(JiraWriting writing, JiraIssueDraft draft, object? value, CancellationToken cancellationToken) =>
        Cast(value) is { } name && await VersionAsync(writing, name, cancellationToken) is { } version ? draft with { FixVersions = [version] } : draft;

    public NewTask ToNewTask(NewTask task, object? value, TaskWriting writing) =>
        task with { Milestone = Cast(value) is { } title ? writing.Milestones.IdFor(title) ?? title : null };

    /// <summary>The project's version named <paramref name="name"/> (its own spelling), created when config allows.</summary>
    private static async Task<string?> VersionAsync(JiraWriting writing, string name, CancellationToken cancellationToken)
    {
        var versions = await writing.Jira.GetVersionsAsync(writing.ProjectKey, cancellationToken);
        if (versions.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase)) is { } existing) return existing.Name;
        if (!writing.Config.CreateVersions)
        {
            writing.Warnings.Add($"{writing.IssueName}: milestone \"{name}\" has no version in {writing.ProjectKey}; create it in Jira, or set jira.createVersions to true in .backlog-jira/config.json to let backlog-jira create it.");
            return null;
        }
        return (await writing.Jira.CreateVersionAsync(writing.ProjectKey, name, cancellationToken)).Name;
    }
}
