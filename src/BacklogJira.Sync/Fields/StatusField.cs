using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Fields;
using BacklogJira.Core.Mapping;
using BacklogJira.Core.Ports;

namespace BacklogJira.Sync.Fields;

/// <summary>
/// The task status ⇄ the issue status through <c>backlog.statusMapping</c> (per-project overrides too). A Jira status
/// the mapping does not name is read by its status category (<see cref="StatusCategoryFallback"/>) with a warning; only
/// when that fails too is it foreign (never written into the task). Writing walks the workflow toward an acceptable
/// status, asking Jira for the transitions after each hop (docs/sync.md, "Writing to Jira").
/// </summary>
public sealed class StatusField : NameField, ISyncField
{
    public override string Name => "status";

    public SideValue ReadTask(TaskReading reading)
    {
        var status = string.IsNullOrWhiteSpace(reading.Task.Status) ? null : reading.Task.Status;
        if (status is not null && reading.Config.Statuses.AcceptableJiraStatuses(status, reading.Config.ProjectKey).Count == 0)
            return SideValue.Stuck(status, $"Backlog status \"{status}\" has no Jira status; add it to backlog.statusMapping in .backlog-jira/config.json");
        return SideValue.Of(status);
    }

    public SideValue ReadIssue(IssueReading reading)
    {
        var issue = reading.Issue;
        if (reading.Config.Statuses.ToBacklog(issue.Status.Name, issue.ProjectKey) is { } mapped) return SideValue.Of(mapped);
        var category = issue.Status.CategoryKey;
        if (StatusCategoryFallback.ToBacklog(category, reading.Config.StatusCategories, reading.BacklogStatuses) is { } byCategory)
        {
            reading.Warnings.Add($"{issue.Key}: Jira status \"{issue.Status.Name}\" is not in backlog.statusMapping; read as \"{byCategory}\" by its category ({StatusCategoryFallback.CategoryName(category)}). Add it to backlog.statusMapping to choose.");
            return SideValue.Of(byCategory);
        }
        return SideValue.Foreign(issue.Status.Name,
            $"Jira status \"{issue.Status.Name}\" has no Backlog status; add it to backlog.statusMapping (or backlog.statusCategories.{category}) in .backlog-jira/config.json");
    }

    public TaskEdit WriteTask(TaskEdit edit, object? value, TaskWriting writing) => edit with { Status = Cast(value) };

    public Task<JiraFieldWrite> WriteJiraAsync(JiraWriting writing, object? value, CancellationToken cancellationToken) =>
        Task.FromResult(new JiraFieldWrite(AfterEdit: token => new WorkflowWalk(writing).ToAsync(Cast(value), token)));

    /// <summary>Jira starts every issue in its workflow's initial status; <c>create-issue</c> walks it afterwards.</summary>
    public Task<JiraIssueDraft> DraftAsync(JiraWriting writing, JiraIssueDraft draft, object? value, CancellationToken cancellationToken) =>
        Task.FromResult(draft);

    public NewTask ToNewTask(NewTask task, object? value, TaskWriting writing) => task with { Status = Cast(value) };
}
