using System.Collections.Concurrent;
using BacklogJira.BacklogMd;
using BacklogJira.BacklogMd.Model;
using BacklogJira.Core.Merge;
using BacklogJira.Core.Model;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.Canonical;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Engine;

/// <summary>
/// push / pull / sync / status over mapped pairs: every task parsed once, every issue fetched in bulk (one
/// <c>key in</c> query per 100 keys, while the task files are parsed), each pair merged field by field, Jira written first, then the task, then the
/// snapshot, so an interrupted run is simply repeated. A dry run computes the same plan and writes nothing.
/// </summary>
public sealed class SyncEngine(BacklogMdTaskStore store, IJiraClient jira, SyncConfig config, StatePaths paths, TimeProvider clock, string? jiraBrowseBase)
{
    private readonly SnapshotStore _snapshots = new(paths);
    private readonly JiraSideWriter _jiraWriter = new(jira, config);
    private readonly BacklogSideWriter _backlogWriter = new(store, clock, jiraBrowseBase);

    public async Task<IReadOnlyList<PairOutcome>> RunAsync(SyncRequest request, CancellationToken cancellationToken)
    {
        var mappings = MappingFile.Load(paths);
        var prefix = store.Project.Config.TaskPrefix;
        var outcomes = new ConcurrentBag<PairOutcome>();
        var selected = new List<TaskMapping>();
        foreach (var id in request.TaskIds)
        {
            var mapping = mappings.ForTask(Normalize(id, prefix));
            if (mapping is null) outcomes.Add(new PairOutcome { TaskId = id, State = PairState.Unmapped, Error = $"{id} is not mapped to a Jira issue; run 'backlog-jira create-issue {id}' or 'backlog-jira map link {id} <KEY>'." });
            else selected.Add(mapping);
        }
        if (request.TaskIds.Count == 0) selected.AddRange(mappings.All);

        // The bulk read of Jira runs while the task files are parsed: the network and the disk overlap.
        var cache = jiraBrowseBase is null ? null : JiraIssueCache.Load(paths, jiraBrowseBase);
        var memo = CanonicalTextMemo.Load(paths);
        var issuesRead = new IssueReader(jira, clock).ReadAsync([.. selected.Select(m => m.JiraKey)], request.FullRead ? null : cache, cancellationToken);
        var tasks = (await Task.Run(() => store.LoadAll().Tasks, cancellationToken))
            .GroupBy(t => t.Id.Normalized(prefix), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<BacklogMdTask>)[.. g], StringComparer.OrdinalIgnoreCase);
        var read = await issuesRead;
        var issues = read.Issues;
        var log = request.DryRun || request.Mode == SyncMode.Status ? null : new OpsLog(paths, clock);
        var strategy = request.Strategy ?? config.Strategy;
        // Prompts must not interleave: ask one pair at a time.
        var parallel = strategy == ConflictStrategy.Prompt && request.Prompt is not null ? 1 : Math.Max(1, request.MaxParallel);
        var done = 0;
        await Parallel.ForEachAsync(selected, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken },
            async (mapping, token) =>
            {
                var resolution = MappedTaskResolver.Resolve(mapping, tasks.GetValueOrDefault(mapping.TaskId) ?? []);
                issues.TryGetValue(mapping.JiraKey, out var issue);
                outcomes.Add(resolution.Task is null
                    ? new PairOutcome { TaskId = mapping.TaskId, JiraKey = mapping.JiraKey, State = PairState.Missing, Error = resolution.Problem }
                    : await RunPairAsync(request, strategy, mapping, resolution.Task, issue, memo, log, token));
                request.Progress?.Report(new SyncProgress(Interlocked.Increment(ref done), selected.Count));
            });
        if (request.Mode == SyncMode.Status && request.TaskIds.Count == 0)
        {
            // status over the whole project also lists the tasks no issue is mapped to yet.
            foreach (var (id, sameId) in tasks)
            {
                if (mappings.ForTask(id) is null && sameId.Any(t => t.Folder is TaskFolder.Tasks or TaskFolder.Completed))
                    outcomes.Add(new PairOutcome { TaskId = id, State = PairState.Unmapped });
            }
        }
        if (!request.DryRun && request.Mode != SyncMode.Status) await memo.SaveAsync(prune: request.TaskIds.Count == 0, cancellationToken);
        if (cache is not null && !request.DryRun && request.Mode != SyncMode.Status)
        {
            // Issues written to (or possibly written to, when a pair failed) are read in full next time.
            var touched = outcomes.Where(o => o.JiraKey is not null && (o.Failed || o.Changes.Any(c => c.Direction == FieldChange.ToJira))).Select(o => o.JiraKey!).ToList();
            if (request.FullRead) cache = JiraIssueCache.Empty(paths, jiraBrowseBase!);
            if (read.Fetched > 0 || read.Missing.Count > 0 || touched.Count > 0 || cache.ReadStartedAt is null)
            {
                cache.Absorb(read.StartedAt, read.Fresh, read.Missing);
                cache.Forget(touched);
                await cache.SaveAsync(cancellationToken);
            }
        }
        return [.. outcomes.OrderBy(o => o.TaskId, StringComparer.OrdinalIgnoreCase)];
    }

    private async Task<PairOutcome> RunPairAsync(SyncRequest request, ConflictStrategy strategy, TaskMapping mapping, BacklogMdTask task,
        JiraIssue? issue, CanonicalTextMemo memo, OpsLog? log, CancellationToken cancellationToken)
    {
        var outcome = new PairOutcome { TaskId = mapping.TaskId, JiraKey = mapping.JiraKey };
        if (issue is null)
            return outcome with { State = PairState.Missing, Error = $"{mapping.JiraKey} does not exist or is not visible to you; run 'backlog-jira map remove {mapping.TaskId}' if it was deleted." };

        var warnings = new List<string>();
        try
        {
            var backlogValue = CanonicalFields.FromTask(task, memo.Markdown);
            var jiraValue = CanonicalFields.FromIssue(issue, config, warnings, memo.Markdown);
            var stored = _snapshots.Read(mapping.TaskId);
            var plan = PairPlanner.Plan(request.Mode, stored?.Fields, stored?.Unresolved ?? new HashSet<SyncField>(), backlogValue, jiraValue,
                strategy, request.Force, request.Prompt);
            var toJira = plan.FieldsToWriteToJira.ToList();
            var toBacklog = plan.FieldsToWriteToBacklog.ToList();
            outcome = outcome with
            {
                State = Classify(plan),
                Decisions = plan.Decisions,
                Conflicts = [.. plan.Unresolved],
                Changes = [.. toJira.Select(f => new FieldChange(f, FieldChange.ToJira, jiraValue.Display(f), plan.JiraTarget.Display(f))),
                           .. toBacklog.Select(f => new FieldChange(f, FieldChange.ToBacklog, backlogValue.Display(f), plan.BacklogTarget.Display(f)))],
                Warnings = warnings,
            };
            if (request.DryRun || request.Mode == SyncMode.Status) return outcome;

            var skipped = toJira.Count == 0 ? [] : await _jiraWriter.WriteAsync(issue, toJira, plan.JiraTarget, warnings, cancellationToken);
            var newBase = plan.NewBase;
            var unresolved = new HashSet<SyncField>(plan.Unresolved);
            foreach (var field in skipped)
            {
                // Not written to Jira: keep it "changed in Backlog" so the next run tries again.
                if (stored is null) unresolved.Add(field);
                else newBase = newBase.With(field, stored.Fields);
            }
            await _backlogWriter.WriteAsync(task, mapping, toBacklog, plan.BacklogTarget, unresolved.Count > 0, cancellationToken);
            if (stored is null || !stored.Fields.Equals(newBase) || !stored.Unresolved.SetEquals(unresolved))
                await _snapshots.WriteAsync(mapping.TaskId, new SyncBase(newBase, unresolved), clock.GetUtcNow(), cancellationToken);
            var pushed = toJira.Except(skipped).ToList();
            // A pair with nothing to do is not an operation: the log records what changed, conflicts and warnings.
            if (pushed.Count > 0 || toBacklog.Count > 0 || unresolved.Count > 0 || warnings.Count > 0)
                log?.Append(ModeName(request.Mode), mapping.TaskId, mapping.JiraKey, unresolved.Count > 0 ? "conflict" : "success", pushed.Concat(toBacklog).Distinct(),
                    warnings.Count > 0 ? string.Join(" | ", warnings) : null);
            return outcome with { Pushed = pushed, Pulled = toBacklog, Conflicts = [.. unresolved], Warnings = warnings };
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            log?.Append(ModeName(request.Mode), mapping.TaskId, mapping.JiraKey, "error", details: error.Message);
            return outcome with { Error = error.Message, Warnings = warnings };
        }
    }

    private static PairState Classify(MergeResult plan)
    {
        if (plan.Unresolved.Count > 0) return PairState.Conflict;
        var push = plan.Decisions.Any(d => d.Action is FieldAction.PushToJira or FieldAction.MergeBoth or FieldAction.LeftForPush);
        var pull = plan.Decisions.Any(d => d.Action is FieldAction.PullToBacklog or FieldAction.MergeBoth or FieldAction.LeftForPull);
        return (push, pull) switch
        {
            (true, true) => PairState.NeedsBoth,
            (true, false) => PairState.NeedsPush,
            (false, true) => PairState.NeedsPull,
            _ => PairState.InSync,
        };
    }

    private static string ModeName(SyncMode mode) => mode.ToString().ToLowerInvariant();

    public static string Normalize(string id, string prefix) =>
        BacklogJira.BacklogMd.Ids.TaskId.TryParse(id, out var parsed) ? parsed.Normalized(prefix) : id;
}
