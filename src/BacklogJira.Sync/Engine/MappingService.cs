using BacklogJira.BacklogMd;
using BacklogJira.BacklogMd.Model;
using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Mapping;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Engine;

/// <summary><c>map link</c>, <c>map list</c>, <c>map remove</c>: the mapping file first, the frontmatter mirror after.</summary>
public sealed class MappingService(BacklogMdTaskStore store, StatePaths paths, TimeProvider clock)
{
    public async Task<TaskMapping> LinkAsync(IJiraClient jira, string taskId, string jiraKey, bool force, CancellationToken cancellationToken)
    {
        var task = store.Get(taskId);
        var id = task.Id.Normalized(store.Project.Config.TaskPrefix);
        var issue = await jira.GetIssueAsync(jiraKey, cancellationToken)
            ?? throw new MappingException($"{jiraKey} does not exist or is not visible to you.");
        var mappings = MappingFile.Load(paths);
        if (mappings.ForTask(id) is { } current && !string.Equals(current.JiraKey, issue.Key, StringComparison.OrdinalIgnoreCase) && !force)
            throw new MappingException($"{id} is already mapped to {current.JiraKey}; add --force to map it to {issue.Key} instead.");
        if (mappings.ForIssue(issue.Key) is { } other && !string.Equals(other.TaskId, id, StringComparison.OrdinalIgnoreCase))
            throw new MappingException($"{issue.Key} is already mapped to {other.TaskId}; run 'backlog-jira map remove {other.TaskId}' first.");
        return await SaveLinkAsync(mappings, task, id, issue, "manual_map", cancellationToken);
    }

    /// <summary><c>map auto</c>: pairs unmapped tasks with unmapped issues of the project by a key in the title or by
    /// title similarity; one search for the whole project instead of one per task.</summary>
    public async Task<IReadOnlyList<TitleMatch>> AutoAsync(IJiraClient jira, SyncConfig config, double minScore, bool dryRun, CancellationToken cancellationToken)
    {
        var (mappings, tasks, issues) = await UnmappedAsync(jira, config, cancellationToken);
        var matches = TitleMatcher.Match([.. tasks.Select(t => (t.Id, t.Task.Title))], [.. issues.Select(i => (i.Key, i.Summary))], config.ProjectKey, minScore);
        if (dryRun) return matches;
        var taskById = tasks.ToDictionary(t => t.Id, t => t.Task, StringComparer.OrdinalIgnoreCase);
        var issueByKey = issues.ToDictionary(i => i.Key, StringComparer.OrdinalIgnoreCase);
        foreach (var match in matches)
            await SaveLinkAsync(mappings, taskById[match.TaskId], match.TaskId, issueByKey[match.JiraKey], "auto_map", cancellationToken);
        return matches;
    }

    /// <summary><c>map interactive</c>'s material: every unmapped task with the unmapped issues of the project, best
    /// title match first (at most <paramref name="perTask"/>).</summary>
    public async Task<IReadOnlyList<(string TaskId, string Title, IReadOnlyList<(JiraIssue Issue, double Score)> Candidates)>> CandidatesAsync(
        IJiraClient jira, SyncConfig config, int perTask, CancellationToken cancellationToken)
    {
        var (_, tasks, issues) = await UnmappedAsync(jira, config, cancellationToken);
        return [.. tasks.Select(t =>
        {
            var named = TitleMatcher.KeysIn(t.Task.Title, config.ProjectKey).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return (t.Id, t.Task.Title, (IReadOnlyList<(JiraIssue, double)>)[.. issues
                .Select(i => (Issue: i, Score: TitleMatcher.Score(named, t.Task.Title, i.Key, i.Summary)))
                .Where(c => c.Score > 0)
                .OrderByDescending(c => c.Score)
                .Take(perTask)]);
        })];
    }

    /// <summary>The active tasks (in id order, one per id) and the project's issues (oldest first) that no pair holds yet.</summary>
    private async Task<(MappingFile Mappings, List<(string Id, BacklogMdTask Task)> Tasks, List<JiraIssue> Issues)> UnmappedAsync(
        IJiraClient jira, SyncConfig config, CancellationToken cancellationToken)
    {
        var projectKey = config.RequireProjectKey();
        var mappings = MappingFile.Load(paths);
        var prefix = store.Project.Config.TaskPrefix;
        var tasks = store.LoadAll(includeDrafts: false, includeArchived: false).Tasks
            .Where(t => mappings.ForTask(t.Id.Normalized(prefix)) is null)
            .GroupBy(t => t.Id.Normalized(prefix), StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.First().Id.IdentityKey(prefix), StringComparer.Ordinal)
            .Select(g => (g.Key, g.First()))
            .ToList();
        var issues = (await jira.SearchAsync($"project = \"{projectKey}\" ORDER BY created ASC", cancellationToken))
            .Where(i => mappings.ForIssue(i.Key) is null)
            .ToList();
        return (mappings, tasks, issues);
    }

    private async Task<TaskMapping> SaveLinkAsync(MappingFile mappings, BacklogMdTask task, string id, JiraIssue issue, string op, CancellationToken cancellationToken)
    {
        var mapping = new TaskMapping
        {
            TaskId = id,
            JiraKey = issue.Key,
            JiraId = issue.Id,
            TaskCreated = task.CreatedDate,
            TaskFile = store.Project.RelativePath(task.FilePath),
            MappedAt = clock.GetUtcNow(),
        };
        await mappings.SetAsync(mapping, cancellationToken);
        // A new pairing starts without a base: the first sync compares both sides field by field. Nothing is written to
        // the task file until then (its jira_* mirror comes with that first comparison).
        new SnapshotStore(paths).Delete(id);
        new OpsLog(paths, clock).Append(op, id, issue.Key, "success");
        return mapping;
    }

    public IReadOnlyList<TaskMapping> List() => MappingFile.Load(paths).All;

    public async Task<TaskMapping> RemoveAsync(string taskId, CancellationToken cancellationToken)
    {
        var id = SyncEngine.Normalize(taskId, store.Project.Config.TaskPrefix);
        var mappings = MappingFile.Load(paths);
        var mapping = mappings.ForTask(id) ?? throw new MappingException($"{id} is not mapped.");
        await mappings.RemoveAsync(id, cancellationToken);
        new SnapshotStore(paths).Delete(id);
        if (store.Find(id) is { } task)
        {
            var clear = new Dictionary<string, string?> { ["jira_key"] = null, ["jira_url"] = null, ["jira_last_sync"] = null, ["jira_sync_state"] = null };
            await store.UpdateAsync(task.Id.Original, _ => new TaskEdit { ExtraFrontmatter = clear }, cancellationToken);
        }
        new OpsLog(paths, clock).Append("unmap", id, mapping.JiraKey, "success");
        return mapping;
    }
}

/// <summary>A mapping request that cannot be done; the message says what to do instead.</summary>
public sealed class MappingException(string message) : Exception(message);
