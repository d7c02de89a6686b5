using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Fields;
using BacklogJira.Core.Ports;

namespace BacklogJira.Sync.Fields;

/// <summary>
/// The task's <c>type</c> ⇄ the issue type, through <see cref="Core.Mapping.IssueTypeMapping"/> (docs/sync.md,
/// "Types"). A type with no issue type waits with the key to add; an issue type no task type maps to (an Epic) waits
/// the other way. Jira changes an issue's type by an edit only within one workflow and kind (standard or sub-task):
/// a refused change is reported and tried again, never failing the pair's other fields.
/// </summary>
public sealed class IssueTypeField : NameField, ISyncField
{
    public override string Name => "type";

    public override string Display(string? value) => value ?? "(default issue type)";

    public SideValue ReadTask(TaskReading reading)
    {
        var type = reading.Task.Type;
        return reading.Config.IssueTypes.TryFromBacklog(type, out var canonical)
            ? SideValue.Of(canonical)
            : SideValue.Stuck(type!.Trim(), $"task type \"{type.Trim()}\" has no Jira issue type; add it to backlog.typeMapping in .backlog-jira/config.json, e.g. \"{type.Trim()}\": \"Task\"");
    }

    public SideValue ReadIssue(IssueReading reading)
    {
        var mapping = reading.Config.IssueTypes;
        var canonical = mapping.Canonical(reading.Issue.IssueType);
        return mapping.HasBacklogType(canonical)
            ? SideValue.Of(canonical)
            : SideValue.Foreign(reading.Issue.IssueType, $"Jira issue type \"{reading.Issue.IssueType}\" has no Backlog type; add one to backlog.typeMapping in .backlog-jira/config.json, e.g. \"{reading.Issue.IssueType.ToLowerInvariant()}\": \"{reading.Issue.IssueType}\" (and to types in backlog/config.yml)");
    }

    public TaskEdit WriteTask(TaskEdit edit, object? value, TaskWriting writing) =>
        edit with { Type = writing.Config.IssueTypes.ToBacklog(Cast(value), writing.Task.Type, writing.Project.Types) ?? "" };

    public Task<JiraFieldWrite> WriteJiraAsync(JiraWriting writing, object? value, CancellationToken cancellationToken)
    {
        var name = writing.Config.IssueTypes.JiraName(Cast(value));
        return Task.FromResult(new JiraFieldWrite(AfterEdit: async token =>
        {
            var refusal = await writing.Jira.TryUpdateIssueAsync(writing.Issue!.Key, new JiraIssueUpdate { IssueTypeName = name }, token);
            if (refusal is null) return true;
            writing.Warnings.Add($"{writing.IssueName}: Jira refused to change the issue type from \"{writing.Issue.IssueType}\" to \"{name}\" ({refusal.Message}); a change across workflows or between standard and sub-task types needs Jira's Move. Move it in Jira, or change the task's type back.");
            return false;
        }));
    }

    public async Task<JiraIssueDraft> DraftAsync(JiraWriting writing, JiraIssueDraft draft, object? value, CancellationToken cancellationToken)
    {
        if (Cast(value) is not { } type) return draft;
        var project = await writing.Jira.GetProjectAsync(writing.ProjectKey, cancellationToken);
        if (project.IssueTypes.Count == 0 || project.IssueTypes.Contains(type, StringComparer.OrdinalIgnoreCase)) return draft with { IssueType = type };
        writing.Warnings.Add($"{writing.IssueName}: issue type \"{type}\" does not exist in {writing.ProjectKey} ({string.Join(", ", project.IssueTypes)}); created as \"{draft.IssueType}\". Fix backlog.typeMapping.");
        return draft;
    }

    public NewTask ToNewTask(NewTask task, object? value, TaskWriting writing) =>
        task with { Type = writing.Config.IssueTypes.ToBacklog(Cast(value), null, writing.Project.Types) };}
