using BacklogJira.BacklogMd.Milestones;
using BacklogJira.BacklogMd;
using BacklogJira.BacklogMd.Model;
using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Fields;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.CustomFields;
using BacklogJira.Sync.Fields;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Engine;

/// <summary>
/// <c>pull --import</c>: a task for every issue the JQL finds that no task is mapped to yet. The task file is written
/// with its <c>jira_key</c> mirror already in the frontmatter, so a run cut off between the file and the mapping adopts
/// that task next time instead of creating a second one.
/// </summary>
public sealed class JiraImporter(BacklogMdTaskStore store, IJiraClient jira, SyncConfig config, StatePaths paths, TimeProvider clock, string? jiraBrowseBase)
{
    /// <summary>The JQL to import with: the flag, else config <c>jira.jqlFilter</c>, else the configured project.</summary>
    public static string ResolveJql(string? flag, SyncConfig config) =>
        !string.IsNullOrWhiteSpace(flag) ? flag
        : config.JqlFilter.Length > 0 ? config.JqlFilter
        : config.ProjectMap.Count > 0
            ? $"project in ({string.Join(", ", config.JiraProjects.Select(k => $"\"{k}\""))}) ORDER BY created ASC"
            : $"project = \"{config.RequireProjectKey()}\" ORDER BY created ASC";

    /// <summary>Tests stop a run here, after the task files and before the mappings, to play a crash.</summary>
    public Func<Task>? CheckpointTasksWritten { get; init; }

    public async Task<IReadOnlyList<PairOutcome>> ImportAsync(string jql, bool dryRun, CancellationToken cancellationToken)
    {
        await CustomFieldBinder.BindAsync(config, jira, cancellationToken);
        var issues = await jira.SearchAsync(jql, cancellationToken);
        var mappings = MappingFile.Load(paths);
        config.UsePairs(mappings.All);
        var prefix = store.Project.Config.TaskPrefix;
        var writer = new BacklogSideWriter(store, config, clock, jiraBrowseBase);
        var statuses = store.Project.Config.Statuses;
        var pending = issues.Where(i => mappings.ForIssue(i.Key) is null && mappings.ById(i.Id) is null)
            .Select(issue =>
            {
                var reading = IssueReading.Of(issue, config, statuses);
                return (Issue: issue, Fields: SideReader.Read(reading), Warnings: reading.Warnings);
            })
            .ToList();
        if (dryRun)
        {
            return [.. pending.Select(p => new PairOutcome
            {
                TaskId = "(new)",
                JiraKey = p.Issue.Key,
                State = PairState.Unmapped,
                Changes = [new FieldChange(SyncFieldCatalog.Title.Name, "create in Backlog", "", p.Issue.Summary)],
                Warnings = p.Warnings,
            })];
        }

        // Every file carries its jira_key from the start, and the intent (issue, task id, created_date) is recorded
        // inside the create lock before the first file is written: a run cut off in between is repaired by adopting
        // its files next time, even after `backlog task edit` rewrote them and dropped the mirror.
        var intent = new ImportIntent(paths);
        var allTasks = store.LoadAll().Tasks;
        var earlier = intent.Load();
        var orphans = OrphanTasksByKey(allTasks, mappings, prefix);
        foreach (var (key, task) in IntendedTasks(earlier, allTasks, mappings, prefix)) orphans.TryAdd(key, task);
        var toCreate = ParentsFirst(pending.Where(p => !orphans.ContainsKey(p.Issue.Key)).ToList(), p => p.Issue);
        // Earlier intent whose task is still unadopted stays recorded for a later import of its issue.
        var pendingKeys = pending.Select(p => p.Issue.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var kept = earlier.Where(e => !pendingKeys.Contains(e.IssueKey) && orphans.ContainsKey(e.IssueKey)).ToList();
        var milestones = MilestoneCatalog.Load(store.Project);
        var writing = new TaskWriting(config, store.Project.Config, null) { Milestones = milestones };
        var existing = allTasks.Select(t => t.Id.Normalized(prefix)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var batch = toCreate.Select((p, i) => (p.Issue.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.OrdinalIgnoreCase);
        var created = await store.CreateManyAsync([.. toCreate.Select((p, i) => UnderParent(NewTaskFrom(p.Fields, writer.Mirror(p.Issue.Key), config.BacklogProjectFor(p.Issue.ProjectKey), writing),
                p.Issue, p.Warnings, i, batch, mappings, orphans, existing, prefix))],
            (plans, token) => intent.SaveAsync([.. kept, .. plans.Select((plan, i) => new ImportIntentEntry(toCreate[i].Issue.Key, toCreate[i].Issue.Id,
                plan.Id, plan.CreatedDate, store.Project.RelativePath(plan.FilePath)))], token),
            cancellationToken);
        var tasksByKey = new Dictionary<string, BacklogMdTask>(orphans, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < created.Count; i++) tasksByKey[toCreate[i].Issue.Key] = created[i];
        var pairs = pending.Select(p => (p.Issue, p.Fields, p.Warnings, Task: tasksByKey[p.Issue.Key])).ToList();
        if (CheckpointTasksWritten is not null) await CheckpointTasksWritten();
        await mappings.SetManyAsync([.. pairs.Select(p => new TaskMapping
        {
            TaskId = p.Task.Id.Normalized(prefix),
            JiraKey = p.Issue.Key,
            JiraId = p.Issue.Id,
            TaskCreated = p.Task.CreatedDate,
            TaskFile = store.Project.RelativePath(p.Task.FilePath),
            MappedAt = clock.GetUtcNow(),
        })], cancellationToken);
        await intent.SaveAsync(kept, cancellationToken);
        // The new pairs name each other now (a link between two imported issues is a dependency between their tasks).
        config.UsePairs(mappings.All);

        var log = new OpsLog(paths, clock);
        var snapshots = new SnapshotStore(paths, config);
        var outcomes = new List<PairOutcome>();
        foreach (var (issue, _, warnings, task) in pairs)
        {
            var id = task.Id.Normalized(prefix);
            try
            {
                var sides = PairSides.Read(task, issue, config, statuses, milestones: milestones);
                var (state, _, waiting) = await NewPairBaseline.SettleAsync(config.Fields, writer, snapshots, task, mappings.ForTask(id)!, sides, madeFromIssue: true, clock.GetUtcNow(), cancellationToken);
                log.Append("import", id, issue.Key, "success",
                    details: string.Join(" | ", warnings.Concat(waiting.Select(w => w.Reason))) is { Length: > 0 } details ? details : null);
                outcomes.Add(new PairOutcome
                {
                    TaskId = id,
                    JiraKey = issue.Key,
                    State = state,
                    Pulled = [.. config.Fields.Where(f => sides.Jira[f].CanCross && !f.IsEmpty(sides.Jira[f].Value)).Select(f => f.Name).Except(waiting.Select(w => w.Field))],
                    Waiting = waiting,
                    Warnings = warnings,
                });
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                log.Append("import", id, issue.Key, "error", details: error.Message);
                outcomes.Add(new PairOutcome { TaskId = id, JiraKey = issue.Key, Error = error.Message, Warnings = warnings });
            }
        }
        return outcomes;
    }

    /// <summary>The new task: every field Backlog can take, through its descriptor; a foreign value (an unmapped user or
    /// status) is left out and waits with its reason after the first agreement.</summary>
    /// <summary>The issues in an order where each parent comes before its sub-tasks (docs/sync.md, "Hierarchy").</summary>
    private static List<T> ParentsFirst<T>(List<T> items, Func<T, JiraIssue> issue)
    {
        var ordered = new List<T>(items.Count);
        var left = items.ToList();
        while (left.Count > 0)
        {
            var keys = left.Select(i => issue(i).Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var ready = left.Where(i => issue(i).HierarchyParentKey() is not { } parent || !keys.Contains(parent)).ToList();
            if (ready.Count == 0) ready = left; // a cycle Jira would not allow; keep the given order
            ordered.AddRange(ready);
            left = [.. left.Except(ready)];
        }
        return ordered;
    }

    /// <summary>An imported sub-task goes under its parent's task: one already paired, one imported in this batch (it
    /// comes first in <paramref name="batch"/>), or one an earlier cut-off import wrote. A parent with no task here is
    /// reported, and the task is made at the top level.</summary>
    private static NewTask UnderParent(NewTask task, JiraIssue issue, List<string> warnings, int position, Dictionary<string, int> batch, MappingFile mappings,
        IReadOnlyDictionary<string, BacklogMdTask> orphans, HashSet<string> existing, string prefix)
    {
        if (issue.HierarchyParentKey() is not { } parentKey) return task;
        if (mappings.ForIssue(parentKey) is { } pair && existing.Contains(pair.TaskId)) return task with { ParentId = pair.TaskId };
        if (batch.TryGetValue(parentKey, out var index) && index < position) return task with { ParentInBatch = index };
        if (orphans.TryGetValue(parentKey, out var orphan)) return task with { ParentId = orphan.Id.Normalized(prefix) };
        warnings.Add($"{issue.Key}: its parent {parentKey} has no task here, so it was imported as a top-level task; import {parentKey} too to nest it under its parent.");
        return task;
    }

    private NewTask NewTaskFrom(SideValues fields, IReadOnlyDictionary<string, string?> mirror, string? project, TaskWriting writing)
    {
        var task = new NewTask { Title = "", ApplyDefinitionOfDoneDefaults = false, ExtraFrontmatter = mirror.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!) };
        foreach (var field in config.Fields)
        {
            if (fields[field].CanCross) task = field.ToNewTask(task, fields[field].Value, writing);
        }
        return task with { Status = task.Status is null ? null : store.Project.Config.MatchStatus(task.Status), Project = project };
    }

    /// <summary>Tasks an earlier, cut-off import recorded it was about to write, found by id and <c>created_date</c>, for
    /// issues still unmapped.</summary>
    private static IEnumerable<(string IssueKey, BacklogMdTask Task)> IntendedTasks(IReadOnlyList<ImportIntentEntry> intent, IReadOnlyList<BacklogMdTask> tasks,
        MappingFile mappings, string prefix)
    {
        foreach (var entry in intent)
        {
            if (mappings.ForIssue(entry.IssueKey) is not null || mappings.ById(entry.IssueId) is not null) continue;
            if (!BacklogJira.BacklogMd.Ids.TaskId.TryParse(entry.TaskId, out var id)) continue;
            // A task whose jira_key names another issue is that issue's, whatever the intent said.
            var task = tasks.FirstOrDefault(t => t.Id.IsSameTaskAs(id) && t.CreatedDate == entry.CreatedDate && mappings.ForTask(t.Id.Normalized(prefix)) is null
                && (MappedTaskResolver.MirrorKey(t) is not { } mirror || string.Equals(mirror, entry.IssueKey, StringComparison.OrdinalIgnoreCase)));
            if (task is not null) yield return (entry.IssueKey, task);
        }
    }

    /// <summary>Tasks that carry a <c>jira_key</c> mirror but no mapping: left by an import that was cut off.</summary>
    private static Dictionary<string, BacklogMdTask> OrphanTasksByKey(IEnumerable<BacklogMdTask> tasks, MappingFile mappings, string prefix)
    {
        var result = new Dictionary<string, BacklogMdTask>(StringComparer.OrdinalIgnoreCase);
        foreach (var task in tasks)
        {
            if (MappedTaskResolver.MirrorKey(task) is { } key && mappings.ForTask(task.Id.Normalized(prefix)) is null && mappings.ForIssue(key) is null)
                result.TryAdd(key, task);
        }
        return result;
    }

}
