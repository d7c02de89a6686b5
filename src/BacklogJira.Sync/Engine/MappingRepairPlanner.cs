namespace BacklogJira.Sync.Engine;

/// <summary>A task as <c>map repair</c> sees it: its id, file, creation, and the issue key its <c>jira_key</c> mirror names.</summary>
public sealed record RepairTask(string TaskId, string? MirrorKey, string? Created, string File);

/// <summary>An issue of the project: its id, its key now, and the task its <c>backlog-jira</c> property names (issues
/// create-issue made carry it).</summary>
public sealed record RepairIssue(string Id, string Key, string? ClaimedTaskId);

/// <summary>A pair the repair would record, and why: <c>both</c> (the task's mirror and the issue's property agree),
/// <c>mirror</c> or <c>property</c> (one anchor, not contradicted), <c>kept</c> (already in the mapping file and
/// consistent with the anchors).</summary>
public sealed record RepairPair(string TaskId, string JiraKey, string JiraId, string Evidence);

public sealed record RepairPlan(IReadOnlyList<RepairPair> Pairs, IReadOnlyList<string> Contradictions)
{
    public IEnumerable<RepairPair> Added => Pairs.Where(p => p.Evidence != "kept");
}

/// <summary>
/// Rebuilds task ⇄ issue pairs from the two anchors a lost or damaged <c>mappings.json</c> leaves (docs/sync.md, "map
/// repair"): the <c>jira_key</c> mirror in each task's frontmatter, and the property create-issue puts on each issue
/// it makes. Agreement, or one anchor that nothing contradicts, makes a pair; anything two anchors disagree on is
/// reported and left alone, never guessed. Pure: the caller reads the files and Jira.
/// </summary>
public static class MappingRepairPlanner
{
    public static RepairPlan Plan(IReadOnlyList<(string TaskId, string JiraKey, string? JiraId)> existing, IReadOnlyList<RepairTask> tasks,
        IReadOnlyList<RepairIssue> issues)
    {
        var contradictions = new List<string>();
        var taskById = tasks.GroupBy(t => t.TaskId, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var issueByKey = issues.ToDictionary(i => i.Key, StringComparer.OrdinalIgnoreCase);
        var issueById = issues.ToDictionary(i => i.Id, StringComparer.Ordinal);

        // Candidate claims: task → issue, from either anchor.
        var claims = new List<(string TaskId, RepairIssue Issue, string Evidence)>();
        foreach (var task in tasks.Where(t => t.MirrorKey is not null))
        {
            if (!issueByKey.TryGetValue(task.MirrorKey!, out var issue))
            {
                contradictions.Add($"{task.TaskId} ({task.File}) names {task.MirrorKey}, which is not an issue of the project (deleted, moved out, or not visible).");
                continue;
            }
            claims.Add((task.TaskId, issue, issue.ClaimedTaskId is null ? "mirror" : "both"));
        }
        foreach (var issue in issues.Where(i => i.ClaimedTaskId is not null))
        {
            if (!taskById.TryGetValue(issue.ClaimedTaskId!, out var task))
            {
                contradictions.Add($"{issue.Key} was created for {issue.ClaimedTaskId}, which no task file holds (deleted, archived, or renumbered).");
                continue;
            }
            if (task.MirrorKey is null) claims.Add((task.TaskId, issue, "property"));
            else if (!string.Equals(task.MirrorKey, issue.Key, StringComparison.OrdinalIgnoreCase))
                contradictions.Add($"{issue.Key} was created for {task.TaskId}, but {task.TaskId} names {task.MirrorKey}; link the right one with 'backlog-jira map link {task.TaskId} <KEY>'.");
        }
        foreach (var claim in claims.Where(c => c.Evidence == "both"))
        {
            if (!string.Equals(claim.Issue.ClaimedTaskId, claim.TaskId, StringComparison.OrdinalIgnoreCase))
                contradictions.Add($"{claim.TaskId} names {claim.Issue.Key}, but {claim.Issue.Key} was created for {claim.Issue.ClaimedTaskId}; link the right one with 'backlog-jira map link <taskId> {claim.Issue.Key}'.");
        }
        var agreed = claims.Where(c => c.Evidence != "both" || string.Equals(c.Issue.ClaimedTaskId, c.TaskId, StringComparison.OrdinalIgnoreCase)).ToList();

        // A task or an issue claimed twice is a contradiction: none of its claims is taken.
        var taskTwice = agreed.GroupBy(c => c.TaskId, StringComparer.OrdinalIgnoreCase).Where(g => g.Select(c => c.Issue.Id).Distinct().Count() > 1).ToList();
        var issueTwice = agreed.GroupBy(c => c.Issue.Id, StringComparer.Ordinal).Where(g => g.Select(c => c.TaskId).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1).ToList();
        foreach (var group in taskTwice)
            contradictions.Add($"{group.Key} is claimed by {string.Join(" and ", group.Select(c => c.Issue.Key).Distinct())}; link the right one with 'backlog-jira map link {group.Key} <KEY>'.");
        foreach (var group in issueTwice)
            contradictions.Add($"{issueById[group.Key].Key} is claimed by {string.Join(" and ", group.Select(c => c.TaskId).Distinct(StringComparer.OrdinalIgnoreCase))}; link the right one with 'backlog-jira map link <taskId> {issueById[group.Key].Key}'.");
        var doubtful = taskTwice.Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var doubtfulIssues = issueTwice.Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var found = agreed.Where(c => !doubtful.Contains(c.TaskId) && !doubtfulIssues.Contains(c.Issue.Id))
            .GroupBy(c => c.TaskId, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.OrderBy(c => c.Evidence == "both" ? 0 : 1).First())
            .ToDictionary(c => c.TaskId, StringComparer.OrdinalIgnoreCase);

        // Entries already in the mapping file stay unless an anchor contradicts them.
        var pairs = new List<RepairPair>();
        foreach (var entry in existing)
        {
            if (found.TryGetValue(entry.TaskId, out var claim) && claim.Issue.Id != (entry.JiraId ?? issueByKey.GetValueOrDefault(entry.JiraKey)?.Id))
            {
                contradictions.Add($"mappings.json pairs {entry.TaskId} with {entry.JiraKey}, but the anchors say {claim.Issue.Key} ({claim.Evidence}); keep it, or run 'backlog-jira map link {entry.TaskId} {claim.Issue.Key} --force'.");
                found.Remove(entry.TaskId);
            }
            pairs.Add(new RepairPair(entry.TaskId, entry.JiraKey, entry.JiraId ?? issueByKey.GetValueOrDefault(entry.JiraKey)?.Id ?? "", "kept"));
        }
        var takenIssues = pairs.Select(p => p.JiraId).Where(id => id.Length > 0).ToHashSet(StringComparer.Ordinal);
        foreach (var claim in found.Values.OrderBy(c => c.TaskId, BacklogJira.BacklogMd.Ids.TaskIdOrder.Instance))
        {
            if (pairs.Any(p => string.Equals(p.TaskId, claim.TaskId, StringComparison.OrdinalIgnoreCase))) continue;
            if (takenIssues.Contains(claim.Issue.Id))
            {
                contradictions.Add($"{claim.TaskId} names {claim.Issue.Key}, which mappings.json already pairs with another task.");
                continue;
            }
            pairs.Add(new RepairPair(claim.TaskId, claim.Issue.Key, claim.Issue.Id, claim.Evidence));
        }
        return new RepairPlan(pairs, contradictions);
    }
}
