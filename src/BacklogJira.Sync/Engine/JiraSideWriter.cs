using BacklogJira.Core.Mapping;
using BacklogJira.Core.Model;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Engine;

/// <summary>Writes a pair's Jira-bound fields: one edit with only the changed fields, then the workflow transitions
/// toward an acceptable status. A field that cannot be written is reported and returned as skipped, not failed.</summary>
internal sealed class JiraSideWriter(IJiraClient jira, SyncConfig config)
{
    private static readonly SyncField[] DescriptionFields =
        [SyncField.Description, SyncField.AcceptanceCriteria, SyncField.ImplementationPlan, SyncField.ImplementationNotes];

    public async Task<IReadOnlyList<SyncField>> WriteAsync(JiraIssue issue, IReadOnlyCollection<SyncField> fields, SyncFields target,
        ICollection<string> warnings, CancellationToken cancellationToken)
    {
        var skipped = new List<SyncField>();
        var update = new JiraIssueUpdate();
        if (fields.Contains(SyncField.Title)) update = update with { Summary = target.Title };
        if (fields.Any(DescriptionFields.Contains))
        {
            update = update with
            {
                ChangeDescription = true,
                Description = ManagedDescription.Compose(new DescriptionParts(target.Description, target.AcceptanceCriteria, target.ImplementationPlan, target.ImplementationNotes)),
            };
        }
        if (fields.Contains(SyncField.Labels)) update = update with { Labels = [.. target.Labels] };
        if (fields.Contains(SyncField.Priority))
        {
            var name = target.Priority is null ? null : config.Priorities.ToJira(target.Priority, issue.ProjectKey,
                [.. (await jira.GetPrioritiesAsync(cancellationToken)).Select(p => p.Name)]);
            if (name is null)
            {
                warnings.Add(target.Priority is null
                    ? $"{issue.Key}: Jira keeps its priority; an issue's priority cannot be cleared."
                    : $"{issue.Key}: priority \"{target.Priority}\" has no match in the project's priority scheme; skipped. Adjust backlog.priorityMapping.");
                skipped.Add(SyncField.Priority);
            }
            else update = update with { PriorityName = name };
        }
        if (fields.Contains(SyncField.Assignee))
        {
            if (target.Assignee is null) update = update with { ChangeAssignee = true, Assignee = null };
            else if (await ResolveUserAsync(issue.Key, target.Assignee, warnings, cancellationToken) is { } user) update = update with { ChangeAssignee = true, Assignee = user };
            else skipped.Add(SyncField.Assignee);
        }
        if (!update.IsEmpty) await jira.UpdateIssueAsync(issue.Key, update, cancellationToken);
        if (fields.Contains(SyncField.Status) && !await TransitionAsync(issue, target.Status, warnings, cancellationToken)) skipped.Add(SyncField.Status);
        return skipped;
    }

    private async Task<JiraUser?> ResolveUserAsync(string key, string handle, ICollection<string> warnings, CancellationToken cancellationToken)
    {
        var configured = config.Assignees.ToJira(handle);
        if (configured is null)
        {
            warnings.Add($"{key}: Backlog assignee {handle} has no Jira user; map it with: backlog-jira map-assignees add {handle} <accountId or user name>");
            return null;
        }
        var user = await jira.FindUserAsync(configured, cancellationToken);
        if (user is null) warnings.Add($"{key}: the Jira user '{configured}' mapped to {handle} was not found; fix backlog.assigneeMapping.");
        return user;
    }

    /// <summary>Walks the workflow toward an acceptable status, re-asking Jira after each hop (§5.2, fixed).</summary>
    private async Task<bool> TransitionAsync(JiraIssue issue, string? backlogStatus, ICollection<string> warnings, CancellationToken cancellationToken)
    {
        var acceptable = backlogStatus is null ? [] : config.Statuses.AcceptableJiraStatuses(backlogStatus, issue.ProjectKey);
        if (acceptable.Count == 0)
        {
            warnings.Add($"{issue.Key}: Backlog status \"{backlogStatus}\" has no Jira status; add it to backlog.statusMapping.");
            return false;
        }
        var statuses = await jira.GetStatusesAsync(cancellationToken);
        var targetCategory = acceptable.Select(name => statuses.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))?.CategoryKey)
            .FirstOrDefault(c => c is not null);
        var current = issue.Status;
        var known = new Dictionary<string, IReadOnlyList<JiraTransition>>();
        var visited = new HashSet<string> { current.Id };
        for (var hop = 0; hop <= TransitionPlanner.MaxHops; hop++)
        {
            if (acceptable.Contains(current.Name, StringComparer.OrdinalIgnoreCase)) return true;
            var here = await jira.GetTransitionsAsync(issue.Key, cancellationToken);
            known[current.Id] = here;
            var next = TransitionPlanner.NextHop(current.Id, acceptable, known, visited, targetCategory);
            if (next is null) break;
            var values = new Dictionary<string, string>();
            foreach (var field in next.Fields.Where(f => f.Required))
            {
                var value = config.TransitionFields.GetValueOrDefault(field.Id)
                    ?? (field.Id == "resolution" && field.AllowedValues.Contains("Done") ? "Done" : null);
                if (value is null)
                {
                    warnings.Add($"{issue.Key}: transition \"{next.Name}\" needs {field.Name}; set jira.transitionFields.{field.Id} in config.json.");
                    return false;
                }
                values[field.Id] = value;
            }
            await jira.TransitionAsync(issue.Key, next.Id, values, cancellationToken);
            current = next.To;
            visited.Add(current.Id);
        }
        warnings.Add($"{issue.Key}: no workflow path from \"{current.Name}\" to {string.Join(" or ", acceptable.Select(a => $"\"{a}\""))}; status left as is.");
        return false;
    }
}
