using BacklogJira.BacklogMd.Model;
using BacklogJira.Core.Mapping;
using BacklogJira.Core.Model;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Canonical;

/// <summary>
/// Both sides in the one canonical form the merge compares (backlog-jira-plugin.md §10.2). The description parts of
/// both sides go through the same path (compose → canonical Markdown → parse), so "equal" means equal. Values one
/// side cannot express (a Jira status nothing maps) come back as warnings, not as values to write.
/// </summary>
public static class CanonicalFields
{
    public const string UnmappedPrefix = "jira:";

    /// <param name="task">The task.</param>
    /// <param name="markdown">The canonicaliser of Markdown text (a memo of <see cref="CanonicalText.Markdown"/> in a sync run).</param>
    public static SyncFields FromTask(BacklogMdTask task, Func<string, string>? markdown = null)
    {
        markdown ??= CanonicalText.Markdown;
        var parts = ManagedDescription.Parse(markdown(ManagedDescription.Compose(new DescriptionParts(
            task.Description ?? "",
            [.. task.AcceptanceCriteria.Select(c => new CriterionItem(c.Text.Trim(), c.Checked))],
            task.ImplementationPlan ?? "",
            task.ImplementationNotes ?? ""))));
        return new SyncFields
        {
            Title = task.Title,
            Description = parts.Description,
            Status = string.IsNullOrWhiteSpace(task.Status) ? null : task.Status,
            Assignee = task.Assignees.Count > 0 && task.Assignees[0].Length > 0 ? AssigneeMapping.Handle(task.Assignees[0]) : null,
            Labels = SyncFields.LabelSet(task.Labels),
            Priority = string.IsNullOrWhiteSpace(task.Priority) ? null : task.Priority.Trim().ToLowerInvariant(),
            AcceptanceCriteria = parts.AcceptanceCriteria,
            ImplementationPlan = parts.ImplementationPlan,
            ImplementationNotes = parts.ImplementationNotes,
        };
    }

    public static SyncFields FromIssue(JiraIssue issue, SyncConfig config, ICollection<string> warnings, Func<string, string>? markdown = null)
    {
        markdown ??= CanonicalText.Markdown;
        var parts = ManagedDescription.Parse(markdown(issue.Description));
        var project = issue.ProjectKey;
        var status = config.Statuses.ToBacklog(issue.Status.Name, project);
        if (status is null)
            warnings.Add($"{issue.Key}: Jira status \"{issue.Status.Name}\" has no Backlog status; add it to backlog.statusMapping in .backlog-jira/config.json.");
        string? assignee = null;
        if (issue.Assignee is { } user)
        {
            assignee = config.Assignees.ToBacklog([user.AccountId, user.Name, user.Key, user.Email, user.DisplayName]);
            if (assignee is null)
                warnings.Add($"{issue.Key}: Jira assignee {user.DisplayName} has no Backlog handle; map it with: {AssigneeMapping.MapCommand(user.DisplayName, user.AccountId ?? user.Name ?? user.DisplayName)}");
        }
        string? priority = null;
        if (issue.Priority is { } jiraPriority)
        {
            priority = config.Priorities.ToBacklog(jiraPriority.Name, project);
            if (priority is null)
                warnings.Add($"{issue.Key}: Jira priority \"{jiraPriority.Name}\" has no Backlog priority; add it to backlog.priorityMapping.");
        }
        return new SyncFields
        {
            Title = issue.Summary,
            Description = parts.Description,
            Status = status ?? UnmappedPrefix + issue.Status.Name,
            Assignee = issue.Assignee is null ? null : assignee ?? UnmappedPrefix + issue.Assignee.DisplayName,
            Labels = SyncFields.LabelSet(issue.Labels),
            Priority = issue.Priority is null ? null : priority ?? UnmappedPrefix + issue.Priority.Name,
            AcceptanceCriteria = parts.AcceptanceCriteria,
            ImplementationPlan = parts.ImplementationPlan,
            ImplementationNotes = parts.ImplementationNotes,
        };
    }

    public static bool IsUnmapped(string? value) => value?.StartsWith(UnmappedPrefix, StringComparison.Ordinal) == true;
}
