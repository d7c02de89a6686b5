using BacklogJira.Core.Mapping;
using BacklogJira.Core.Ports;

namespace BacklogJira.Cli.Commands.Configure;

/// <summary>
/// A proposed <c>backlog.statusMapping</c> from the project's real statuses: each Backlog status (in board order) gets
/// the Jira statuses of its category (first → to do, last → done, the ones between → in progress), a status of the
/// same name first; every Jira status left over joins the Backlog status of its category. A Backlog status with no Jira
/// status of its category keeps an empty list, which doctor flags.
/// </summary>
internal static class StatusMappingProposal
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Propose(IReadOnlyList<string> backlogStatuses, IReadOnlyList<JiraStatus> jiraStatuses)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (var i = 0; i < backlogStatuses.Count; i++)
        {
            var name = backlogStatuses[i];
            var category = i == 0 ? "new" : i == backlogStatuses.Count - 1 ? "done" : "indeterminate";
            var sameName = jiraStatuses.Where(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)).Select(s => s.Name);
            var sameCategory = jiraStatuses.Where(s => s.CategoryKey == category).Select(s => s.Name);
            // A middle Backlog status named like a Jira status keeps just that one, so two Backlog statuses do not
            // claim the same in-progress list.
            var middleWithMatch = category == "indeterminate" && sameName.Any();
            result[name] = [.. (middleWithMatch ? sameName : sameName.Concat(sameCategory)).Distinct(StringComparer.OrdinalIgnoreCase)];
        }
        // Every status of the workflow gets a place (In Review next to In Progress), as the sync's category fallback
        // would read it, so no status is left to a warning.
        if (backlogStatuses.Count == 0) return result;
        var listed = result.Values.SelectMany(v => v).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var status in jiraStatuses.Where(s => !listed.Contains(s.Name)))
        {
            var home = StatusCategoryFallback.ToBacklog(status.CategoryKey, new Dictionary<string, string>(), backlogStatuses) ?? backlogStatuses[0];
            result[home] = [.. result[home], status.Name];
            listed.Add(status.Name);
        }
        return result;
    }
}
