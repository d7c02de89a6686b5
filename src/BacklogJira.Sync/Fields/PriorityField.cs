using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Fields;
using BacklogJira.Core.Ports;

namespace BacklogJira.Sync.Fields;

/// <summary>The task priority (high/medium/low) ⇄ the issue priority through <c>backlog.priorityMapping</c>. Jira cannot
/// clear a priority and may lack a mapped name in the project's scheme: such a write is skipped with a warning and
/// tried again next time; a Jira priority nothing maps waits with the key to add.</summary>
public sealed class PriorityField : NameField, ISyncField
{
    public override string Name => "priority";

    public IReadOnlyList<string> JiraFieldIds => ["priority"];

    public SideValue ReadTask(TaskReading reading)
    {
        var priority = string.IsNullOrWhiteSpace(reading.Task.Priority) ? null : reading.Task.Priority.Trim().ToLowerInvariant();
        if (priority is not null && !reading.Config.Priorities.IsMapped(priority, reading.Config.ProjectKey))
            return SideValue.Stuck(priority, $"priority \"{priority}\" has no Jira priority; add it to backlog.priorityMapping.backlogToJira in .backlog-jira/config.json");
        return SideValue.Of(priority);
    }

    public SideValue ReadIssue(IssueReading reading)
    {
        if (reading.Issue.Priority is not { } priority) return SideValue.Of(null);
        return reading.Config.Priorities.ToBacklog(priority.Name, reading.Issue.ProjectKey) is { } mapped
            ? SideValue.Of(mapped)
            : SideValue.Foreign(priority.Name, $"Jira priority \"{priority.Name}\" has no Backlog priority; add it to backlog.priorityMapping.backlogToJira in .backlog-jira/config.json");
    }

    public TaskEdit WriteTask(TaskEdit edit, object? value, TaskWriting writing) => edit with { Priority = Cast(value) ?? "" };

    public async Task<JiraFieldWrite> WriteJiraAsync(JiraWriting writing, object? value, CancellationToken cancellationToken)
    {
        if (Cast(value) is not { } priority)
        {
            writing.Warnings.Add($"{writing.IssueName}: Jira keeps its priority; an issue's priority cannot be cleared.");
            return JiraFieldWrite.Skipped;
        }
        var name = await JiraNameAsync(writing, priority, cancellationToken);
        return name is null ? JiraFieldWrite.Skipped : new JiraFieldWrite(update => update with { PriorityName = name });
    }

    public async Task<JiraIssueDraft> DraftAsync(JiraWriting writing, JiraIssueDraft draft, object? value, CancellationToken cancellationToken) =>
        Cast(value) is { } priority ? draft with { PriorityName = await JiraNameAsync(writing, priority, cancellationToken) } : draft;

    public NewTask ToNewTask(NewTask task, object? value, TaskWriting writing) => task with { Priority = Cast(value) };

    private static async Task<string?> JiraNameAsync(JiraWriting writing, string priority, CancellationToken cancellationToken)
    {
        var available = (await writing.Jira.GetPrioritiesAsync(cancellationToken)).Select(p => p.Name).ToList();
        var name = writing.Config.Priorities.ToJira(priority, writing.ProjectKey, available);
        if (name is null)
            writing.Warnings.Add($"{writing.IssueName}: priority \"{priority}\" has no match in the project's priority scheme ({string.Join(", ", available)}); skipped. Adjust backlog.priorityMapping.");
        return name;
    }
}
