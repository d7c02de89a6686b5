using BacklogJira.BacklogMd.Milestones;
using System.Collections.Concurrent;
using System.Diagnostics;
using BacklogJira.BacklogMd;
using BacklogJira.BacklogMd.Model;
using BacklogJira.Core.Merge;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.CustomFields;
using BacklogJira.Sync.Fields;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Engine;

/// <summary>
/// push / pull / sync / status over mapped pairs: every task parsed once, every issue fetched in bulk (one
/// <c>key in</c> query per 100 keys, while the task files are parsed), each pair merged field by field, Jira written first, then the task, then the
/// snapshot, so an interrupted run is simply repeated. A dry run computes the same plan and writes nothing.
/// </summary>
public sealed class SyncEngine(BacklogMdTaskStore store, IJiraClient jira, SyncConfig config, StatePaths paths, TimeProvider clock, string? jiraBrowseBase)
{
    private readonly SnapshotStore _snapshots = new(paths, config);
    private readonly JiraSideWriter _jiraWriter = new(jira, config);
    private readonly BacklogSideWriter _backlogWriter = new(store, config, clock, jiraBrowseBase);
    private readonly WriteJournal _journal = new(paths);

    public const string CheckpointJiraWritten = "jira-written";
    public const string CheckpointBacklogWritten = "backlog-written";

    /// <summary>Called at the points where a run can be cut off between writes (after Jira, after the task file);
    /// tests throw from it to simulate a kill at exactly that point.</summary>
    public Func<string, Task>? Checkpoint { get; init; }

    /// <summary>The project's milestones as this run read them.</summary>
    private MilestoneCatalog _milestones = MilestoneCatalog.Empty;

    public async Task<IReadOnlyList<PairOutcome>> RunAsync(SyncRequest request, CancellationToken cancellationToken)
    {
        var timings = request.Timings ?? new SyncTimings();
        var total = Stopwatch.StartNew();
        await CustomFieldBinder.BindAsync(config, jira, cancellationToken);
        var mappings = MappingFile.Load(paths);
        config.UsePairs(mappings.All);
        var prefix = store.Project.Config.TaskPrefix;
        var outcomes = new ConcurrentBag<PairOutcome>();
        var selected = new List<TaskMapping>();
        foreach (var id in request.TaskIds)
        {
            var mapping = mappings.ForTask(Normalize(id, prefix));
            if (mapping is null) outcomes.Add(new PairOutcome { TaskId = id, State = PairState.Unmapped, Error = UnmappedAdvice(id) });
            else selected.Add(mapping);
        }
        if (request.TaskIds.Count == 0) selected.AddRange(mappings.All);

        // Jira is read while the task files are listed and parsed: network, disk and both cores overlap. The read starts
        // first, since it is the longest. A whole-project run parses only the task files that may have changed since the
        // pairs were last settled; a full read parses them all, and fingerprints what it finds settled for the next run.
        var cache = jiraBrowseBase is null ? null : JiraIssueCache.Load(paths, CacheKey(jiraBrowseBase));
        var issuesRead = SyncTimings.TimeAsync(() => new IssueReader(jira, clock).ReadAsync([.. selected.Select(m => m.JiraKey)], request.FullRead ? null : cache, cancellationToken),
            elapsed => timings.JiraRead = elapsed);
        var fingerprints = request.TaskIds.Count == 0 ? PairFingerprints.Load(paths, store.Project.ConfigPath, MilestoneCatalog.Folders(store.Project)) : null;
        var unchanged = new UnchangedPairs(fingerprints, mayskip: !request.FullRead, paths, store.Project, prefix);
        var parsing = SyncTimings.TimeAsync(() => Task.Run(() => store.LoadFiles(unchanged.FilesToParse(store.ListTaskFiles(), selected)), cancellationToken),
            elapsed => timings.TaskParse = elapsed);
        var memo = CanonicalTextMemo.Load(paths);
        _milestones = MilestoneCatalog.Load(store.Project);
        timings.StateLoad = total.Elapsed;
        var scan = await parsing;
        var parsed = scan.Tasks;
        var problems = scan.Problems.ToList();
        var read = await issuesRead;
        var (skipped, lateFiles) = unchanged.Settle(selected, m => read.StampOf(m.JiraId, m.JiraKey), read.Fresh.Select(i => i.Id).ToHashSet(StringComparer.Ordinal));
        await read.LoadAsync(selected.Where(m => !skipped.Contains(m.TaskId)).Select(m => (m.JiraId, m.JiraKey)));
        if (lateFiles.Count > 0 && store.LoadFiles(lateFiles) is var late)
        {
            parsed = [.. parsed, .. late.Tasks];
            problems.AddRange(late.Problems);
        }
        var unreadable = new UnreadableTaskFiles(problems, store.Project, prefix);
        timings.TasksParsed = parsed.Count;
        timings.PairsSkipped = skipped.Count;
        var tasks = parsed
            .GroupBy(t => t.Id.Normalized(prefix), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<BacklogMdTask>)[.. g], StringComparer.OrdinalIgnoreCase);
        var pairsWatch = Stopwatch.StartNew();
        var settled = new ConcurrentDictionary<string, PairFingerprint?>(StringComparer.OrdinalIgnoreCase);
        var log = request.DryRun || request.Mode == SyncMode.Status ? null : new OpsLog(paths, clock);
        var strategy = request.Strategy ?? config.Strategy;
        // Prompts must not interleave: ask one pair at a time.
        var parallel = strategy == ConflictStrategy.Prompt && request.Prompt is not null ? 1 : Math.Max(1, request.MaxParallel);
        // --parallel bounds the writes in flight to Jira; reading, merging and writing task files are local and run
        // beside them, so a pair with nothing to send never holds a Jira slot, nor waits behind pairs that do.
        using var lanes = new PairLanes(parallel);
        var done = 0;
        var moved = new ConcurrentBag<TaskMapping>();
        var renamed = new ConcurrentBag<TaskMapping>();
        await Parallel.ForEachAsync(selected, new ParallelOptions { MaxDegreeOfParallelism = lanes.PairsInFlight, CancellationToken = cancellationToken },
            async (mapping, token) =>
            {
                using var local = await lanes.LocalAsync(token);
                if (skipped.Contains(mapping.TaskId))
                {
                    outcomes.Add(new PairOutcome { TaskId = mapping.TaskId, JiraKey = mapping.JiraKey, State = PairState.InSync });
                    request.Progress?.Report(new SyncProgress(Interlocked.Increment(ref done), selected.Count));
                    return;
                }
                var resolution = MappedTaskResolver.Resolve(mapping, tasks.GetValueOrDefault(mapping.TaskId) ?? []);
                var issue = read.Find(mapping.JiraId, mapping.JiraKey);
                var current = mapping;
                if (issue is not null && !string.Equals(issue.Key, mapping.JiraKey, StringComparison.OrdinalIgnoreCase))
                {
                    current = mapping with { JiraKey = issue.Key };
                    moved.Add(current);
                }
                if (resolution.Task is null && unreadable.For(mapping.TaskId) is { } broken)
                {
                    outcomes.Add(new PairOutcome { TaskId = mapping.TaskId, JiraKey = mapping.JiraKey, State = PairState.Unreadable, Error = broken });
                    settled[mapping.TaskId] = null;
                    request.Progress?.Report(new SyncProgress(Interlocked.Increment(ref done), selected.Count));
                    return;
                }
                if (resolution.Task is null && resolution.Parked is null && resolution.Problem is not null
                    && MappedTaskResolver.Demoted(mapping, parsed, () => _snapshots.Read(mapping.TaskId)) is { } demoted)
                    resolution = demoted;
                if (resolution.Parked is { } parked)
                {
                    outcomes.Add(new PairOutcome { TaskId = mapping.TaskId, JiraKey = mapping.JiraKey, State = parked, Warnings = [resolution.Problem!] });
                    settled[mapping.TaskId] = null;
                    request.Progress?.Report(new SyncProgress(Interlocked.Increment(ref done), selected.Count));
                    return;
                }
                var problem = resolution.Problem ?? MappedTaskResolver.Doubt(mapping, resolution.Task!, store.Project.RelativePath(resolution.Task!.FilePath), () => _snapshots.Read(mapping.TaskId));
                var outcome = problem is not null
                    ? new PairOutcome { TaskId = mapping.TaskId, JiraKey = current.JiraKey, State = PairState.Missing, Error = problem }
                    : await RunPairAsync(request, strategy, current, resolution.Task!, issue, memo, log, lanes, token);
                outcomes.Add(current == mapping ? outcome : outcome with { MovedFrom = mapping.JiraKey });
                // The file a synced task lives in now (Backlog.md renames it with the title): the identity check compares against it.
                if (problem is null && !outcome.Failed && resolution.Task is { } synced && store.Project.RelativePath(synced.FilePath) is var file && file != current.TaskFile)
                    renamed.Add(current with { TaskFile = file });
                var isSettled = problem is null && issue is not null && !outcome.Failed && outcome.State == PairState.InSync && current == mapping
                    && outcome.Pushed.Count + outcome.Pulled.Count + outcome.Conflicts.Count == 0;
                settled[mapping.TaskId] = isSettled ? unchanged.Take(mapping.TaskId, resolution.Task!.FilePath, issue!, clock.GetUtcNow()) : null;
                request.Progress?.Report(new SyncProgress(Interlocked.Increment(ref done), selected.Count));
            });
        timings.Pairs = pairsWatch.Elapsed;
        var saveWatch = Stopwatch.StartNew();
        // An issue moved to another project keeps its id: the pair follows it, and the mapping takes the new key.
        if (!request.DryRun && request.Mode != SyncMode.Status && (!moved.IsEmpty || !renamed.IsEmpty))
        {
            var updates = moved.ToDictionary(m => m.TaskId, StringComparer.OrdinalIgnoreCase);
            foreach (var mapping in renamed) updates[mapping.TaskId] = mapping;
            await mappings.SetManyAsync([.. updates.Values], cancellationToken);
            foreach (var mapping in moved) log?.Append("moved", mapping.TaskId, mapping.JiraKey, "success", details: $"now {mapping.JiraKey}");
        }
        // A file that does not parse belongs to no pair we know of: reported (file, line, reason), never a failure of the run.
        if (request.TaskIds.Count == 0)
        {
            foreach (var (id, reason) in unreadable.NotIn(selected.Select(m => m.TaskId)))
                outcomes.Add(new PairOutcome { TaskId = id, State = PairState.Unreadable, Warnings = [reason] });
        }
        if (request.Mode == SyncMode.Status && request.TaskIds.Count == 0)
        {
            // status over the whole project also lists the tasks no issue is mapped to yet.
            foreach (var (id, sameId) in tasks)
            {
                if (mappings.ForTask(id) is null && sameId.Any(t => t.Folder is TaskFolder.Tasks or TaskFolder.Completed))
                    outcomes.Add(new PairOutcome { TaskId = id, State = PairState.Unmapped });
            }
        }
        if (!request.DryRun && request.Mode != SyncMode.Status) await memo.SaveAsync(prune: request.TaskIds.Count == 0 && skipped.Count == 0, cancellationToken);
        if (fingerprints is not null && !request.DryRun && request.Mode != SyncMode.Status && !settled.IsEmpty)
        {
            foreach (var (taskId, print) in settled)
            {
                if (print is null) fingerprints.Forget(taskId);
                else fingerprints.Set(taskId, print);
            }
            await fingerprints.SaveAsync(cancellationToken);
        }
        if (cache is not null && !request.DryRun && request.Mode != SyncMode.Status)
        {
            // Issues written to (or possibly written to, when a pair failed) are read in full next time.
            var touched = outcomes.Where(o => o.JiraKey is not null && (o.Failed || o.Changes.Any(c => c.Direction == FieldChange.ToJira))).Select(o => o.JiraKey!)
                .Concat(outcomes.Where(o => o.MovedFrom is not null).Select(o => o.MovedFrom!)).ToList();
            if (request.FullRead) cache = JiraIssueCache.Empty(paths, CacheKey(jiraBrowseBase!));
            if (read.Fetched > 0 || read.Missing.Count > 0 || touched.Count > 0 || cache.ReadStartedAt is null)
            {
                cache.Absorb(read.StartedAt, read.Fresh, read.Missing);
                cache.Forget(touched);
                await cache.SaveAsync(cancellationToken);
            }
        }
        timings.SaveState = saveWatch.Elapsed;
        timings.Total = total.Elapsed;
        return BacklogJira.BacklogMd.Ids.TaskIdOrder.Sort(outcomes, o => o.TaskId);
    }

    private async Task<PairOutcome> RunPairAsync(SyncRequest request, ConflictStrategy strategy, TaskMapping mapping, BacklogMdTask task,
        JiraIssue? issue, CanonicalTextMemo memo, OpsLog? log, PairLanes lanes, CancellationToken cancellationToken)
    {
        var outcome = new PairOutcome { TaskId = mapping.TaskId, JiraKey = mapping.JiraKey };
        if (issue is null)
            return outcome with { State = PairState.Missing, Error = $"{mapping.JiraKey} does not exist or is not visible to you (deleted, or your permissions changed); if it was deleted, run 'backlog-jira map remove {mapping.TaskId}'." };

        var warnings = new List<string>();
        try
        {
            var read = PairSides.Read(task, issue, config, store.Project.Config.Statuses, memo.Markdown, _milestones);
            var stored = _snapshots.Read(mapping.TaskId);
            var journal = _journal.Read(mapping.TaskId);
            // A run cut off midway left its journal: our own completed writes become the base, an interrupted walk resumes.
            var (agreed, sides, resumed) = JournalReplay.Apply(config.Fields, journal, stored, read, issue.Status.Name);
            warnings.AddRange(sides.Warnings);
            warnings.AddRange(resumed);
            var plan = PairPlanner.Plan(config.Fields, request.Mode, agreed, sides.Backlog, sides.Jira, strategy, request.Force, request.Prompt, $"{mapping.TaskId} ⇄ {mapping.JiraKey}");
            var toJira = plan.ToJira.ToList();
            var toBacklog = plan.ToBacklog.ToList();
            outcome = outcome with
            {
                State = PairPlanner.Classify(plan),
                Decisions = plan.Decisions,
                Conflicts = [.. plan.Unresolved],
                Changes = PlannedChanges(sides, toJira, toBacklog),
                Waiting = [.. plan.Decisions.Where(d => d.Action is FieldAction.CannotPush or FieldAction.CannotPull)
                    .Select(d => new FieldWait(d.Field, d.Action == FieldAction.CannotPush ? FieldChange.ToJira : FieldChange.ToBacklog, WaitReason(d, sides)))],
                // A field the config does not sync is left out of the side-by-side view.
                Fields = [.. config.Fields.Zip(plan.Decisions, (f, d) => (f, d)).Where(p => config.Syncs(p.f))
                    .Select(p => new FieldView(p.f.Name, PairSides.Show(p.f, sides.Backlog[p.f]), PairSides.Show(p.f, sides.Jira[p.f]), p.d)
                    {
                        Agreed = agreed is not null && agreed.TryGet(p.f, out var was) ? p.f.Display(was) : null,
                    })],
                Warnings = warnings,
            };
            if (request.DryRun || request.Mode == SyncMode.Status) return outcome;

            // Every write is journalled before the first is sent: a run cut off from here on is recognised and resumed.
            if (toJira.Count + toBacklog.Count > 0)
                await _journal.RecordAsync(mapping.TaskId, [.. Journalled(toJira, JournalEntry.Jira), .. Journalled(toBacklog, JournalEntry.Backlog)], cancellationToken);
            IReadOnlyList<string> confirmed = [];
            if (toJira.Count > 0)
            {
                confirmed = await lanes.JiraAsync(() => _jiraWriter.WriteAsync(issue, toJira, JiraSideWriter.Target(config.Fields, sides.Backlog, sides.Jira, toJira), warnings,
                    (status, token) => _journal.AddViaAsync(mapping.TaskId, SyncFieldCatalog.Status.Name, status, token), cancellationToken), cancellationToken);
            }
            if (Checkpoint is not null) await Checkpoint(CheckpointJiraWritten);
            var newBase = plan.NewBase;
            // A value Jira did not take (skipped with a warning) is not agreed: the next run still sees it changed in Backlog.
            foreach (var skipped in toJira.Where(d => !confirmed.Contains(d.Field)))
                newBase = newBase.WithEntryOf(config.Field(skipped.Field)!, agreed);
            await _backlogWriter.WriteAsync(task, mapping, toBacklog, newBase.Unresolved.Count > 0, cancellationToken);
            if (Checkpoint is not null) await Checkpoint(CheckpointBacklogWritten);
            if (!newBase.SameAs(stored, config.Fields))
                await _snapshots.WriteAsync(mapping.TaskId, newBase, clock.GetUtcNow(), cancellationToken);
            if (journal.Count > 0 || toJira.Count + toBacklog.Count > 0) _journal.Clear(mapping.TaskId);
            List<string> pulled = [.. toBacklog.Select(d => d.Field)];
            // A pair with nothing to do is not an operation: the log records what changed, conflicts, waits and warnings,
            // and under watch a conflict, wait or warning that stands unchanged only the first time.
            var wrote = confirmed.Count > 0 || pulled.Count > 0;
            var standing = newBase.Unresolved.Count > 0 || warnings.Count > 0 || outcome.Waiting.Count > 0;
            var news = wrote || request.Standing is null
                || request.Standing.IsNews(mapping.TaskId, StandingReport(outcome, newBase.Unresolved, warnings));
            if (wrote || !standing) request.Standing?.Clear(mapping.TaskId);
            if (wrote || (standing && news))
                log?.Append(ModeName(request.Mode), mapping.TaskId, mapping.JiraKey, newBase.Unresolved.Count > 0 ? "conflict" : "success", confirmed.Concat(pulled).Distinct(),
                    string.Join(" | ", warnings.Concat(outcome.Waiting.Select(w => w.Reason))) is { Length: > 0 } details ? details : null);
            return outcome with { Pushed = confirmed, Pulled = pulled, Conflicts = [.. newBase.Unresolved], Warnings = warnings };
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            log?.Append(ModeName(request.Mode), mapping.TaskId, mapping.JiraKey, "error", details: error.Message);
            return outcome with { Error = error.Message, Warnings = warnings };
        }
    }

    /// <summary>What a standing report says, values included: the same conflict with a new value on one side is news.</summary>
    private static string StandingReport(PairOutcome outcome, IEnumerable<string> unresolved, IEnumerable<string> warnings) =>
        string.Join("\n", [.. unresolved, .. outcome.Fields.Where(f => unresolved.Contains(f.Field)).Select(f => f.Backlog + "\u241f" + f.Jira),
            .. outcome.Waiting.Select(w => w.Reason), .. warnings]);

    /// <summary>The issue cache belongs to one site and one set of fields read (a cache read without a custom-field rule's
    /// field would read that field as absent for every issue not updated since): a rule, web links, comments, issue links
    /// or sprints turned on start a full read.</summary>
    private string CacheKey(string site)
    {
        var key = site;
        if (config.ReadsRemoteLinks) key += "|remotelinks";
        if (config.ReadsComments) key += "|comments";
        if (config.ReadsIssueLinks) key += "|issuelinks";
        if (config.ReadsSprints) key += "|sprints";
        if (config.CustomJiraFields.Count > 0) key += "|" + string.Join(",", config.CustomJiraFields);
        return key;
    }

    private IEnumerable<JournalEntry> Journalled(IEnumerable<FieldDecision> writes, string side) =>
        writes.Select(d => new JournalEntry(d.Field, side, config.Field(d.Field)!.ToJson(d.Value), []));

    private IReadOnlyList<FieldChange> PlannedChanges(PairSides sides, IEnumerable<FieldDecision> toJira, IEnumerable<FieldDecision> toBacklog)
    {
        FieldChange Change(FieldDecision d, string direction, Core.Fields.SideValues written)
        {
            var field = config.Field(d.Field)!;
            return new FieldChange(d.Field, direction, PairSides.Show(field, written[field]), field.Display(d.Value));
        }
        return [.. toJira.Select(d => Change(d, FieldChange.ToJira, sides.Jira)), .. toBacklog.Select(d => Change(d, FieldChange.ToBacklog, sides.Backlog))];
    }

    /// <summary>The reason a write waits, with the value that waits.</summary>
    private string WaitReason(FieldDecision decision, PairSides sides)
    {
        var field = config.Field(decision.Field)!;
        var value = PairSides.Show(field, decision.Action == FieldAction.CannotPush ? sides.Backlog[field] : sides.Jira[field]);
        var reason = (decision.Action == FieldAction.CannotPush ? sides.Backlog[field] : sides.Jira[field]).Reason ?? decision.Reason;
        return $"{decision.Field} \"{value}\" cannot go {(decision.Action == FieldAction.CannotPush ? "to Jira" : "to Backlog")}: {reason}";
    }

    private static string ModeName(SyncMode mode) => mode.ToString().ToLowerInvariant();

    /// <summary>For a named task without a mapping: how to map it, or, when there is no such task, that (never "create an
    /// issue for" a task that does not exist).</summary>
    private string UnmappedAdvice(string id)
    {
        BacklogMdTask? task;
        try
        {
            task = store.Find(id);
        }
        catch (TaskLookupException error)
        {
            return error.Message;
        }
        return task is null
            ? $"There is no task {id} in {store.Project.RelativePath(store.Project.FolderPath(TaskFolder.Tasks))}/ or completed/; check the id with 'backlog task list --plain'."
            : $"{id} is not mapped to a Jira issue; run 'backlog-jira create-issue {id}' or 'backlog-jira map link {id} <KEY>'.";
    }

    public static string Normalize(string id, string prefix) =>
        BacklogJira.BacklogMd.Ids.TaskId.TryParse(id, out var parsed) ? parsed.Normalized(prefix) : id;
}
