using BacklogJira.Core.Mapping;
using BacklogJira.Core.Ports;

namespace BacklogJira.Sync.Fields;

/// <summary>Moves an issue toward an acceptable status, one transition at a time, re-asking Jira after each hop
/// (docs/sync.md, "Writing to Jira"; the choice of hop is <see cref="TransitionPlanner"/>'s).</summary>
internal sealed class WorkflowWalk(JiraWriting writing)
{
    /// <returns>True when the issue ends in an acceptable status.</returns>
    public async Task<bool> ToAsync(string? backlogStatus, CancellationToken cancellationToken)
    {
        var (jira, config, issue, warnings) = (writing.Jira, writing.Config, writing.Issue!, writing.Warnings);
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
            if (writing.BeforeHop is not null) await writing.BeforeHop(next.To.Name, cancellationToken);
            await jira.TransitionAsync(issue.Key, next.Id, values, cancellationToken);
            current = next.To;
            visited.Add(current.Id);
        }
        warnings.Add($"{issue.Key}: no workflow path from \"{current.Name}\" to {string.Join(" or ", acceptable.Select(a => $"\"{a}\""))}; status left as is.");
        return false;
    }
}
