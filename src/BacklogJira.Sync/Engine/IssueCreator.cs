using BacklogJira.BacklogMd.Milestones;
using System.Globalization;
using System.Text.Json.Nodes;
using BacklogJira.BacklogMd;
using BacklogJira.Core.Fields;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.CustomFields;
using BacklogJira.Sync.Fields;
using BacklogJira.Sync.State;
using BacklogTools.Files;

namespace BacklogJira.Sync.Engine;

/// <summary>
/// <c>create-issue</c> without duplicates (docs/reference/original-plugin.md §10.4): before asking Jira, a pending record with a
/// fresh token is written; the issue is created carrying that token as an issue property; the mapping is saved the
/// moment Jira answers. A rerun after a crash finds the pending record, looks for the issue carrying its token
/// (created since the record, by epoch-millisecond JQL, so no time-zone trap) and adopts it instead of creating another.
/// </summary>
public sealed class IssueCreator(BacklogMdTaskStore store, IJiraClient jira, SyncConfig config, StatePaths paths, TimeProvider clock, string? jiraBrowseBase)
{
    public const string PropertyKey = "backlog-jira";

    /// <summary>Called right after Jira created the issue and before anything is saved; tests use it to simulate a crash.</summary>
    public Func<JiraIssueRef, Task>? AfterJiraCreate { get; init; }

    /// <summary>The Jira project to create in (<c>create-issue --project</c>), over the task's own project's.</summary>
    public string? ProjectOverride { get; init; }

    /// <summary>Several tasks, <paramref name="maxParallel"/> at a time (each create waits for Jira's answer, so one at a
    /// time made 20 creates under rate limiting take over a minute); outcomes in the order the ids were given, a task
    /// named twice created once. A failure is that task's outcome, not the end of the others.</summary>
    public async Task<IReadOnlyList<PairOutcome>> CreateManyAsync(IReadOnlyList<string> taskIds, string? issueType, bool dryRun, int maxParallel, CancellationToken cancellationToken)
    {
        await CustomFieldBinder.BindAsync(config, jira, cancellationToken);
        var prefix = store.Project.Config.TaskPrefix;
        var ids = taskIds.Select(id => SyncEngine.Normalize(id, prefix)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var outcomes = new PairOutcome[ids.Count];
        // Creates run side by side; the mapping file is read and written by one at a time. A subtask waits for its
        // parent named in the same command: parents are created a wave before their subtasks.
        using var mappingGate = new SemaphoreSlim(1, 1);
        foreach (var wave in Waves(ids, prefix))
        {
            await Parallel.ForEachAsync(wave, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxParallel), CancellationToken = cancellationToken },
                async (i, token) =>
                {
                    try { outcomes[i] = await CreateAsync(ids[i], issueType, dryRun, mappingGate, token); }
                    catch (Exception error) when (error is not OperationCanceledException and not SyncConfigException)
                    {
                        outcomes[i] = new PairOutcome { TaskId = ids[i], Error = error.Message };
                    }
                });
        }
        return outcomes;
    }

    /// <summary>The positions of <paramref name="ids"/> in waves: a task whose parent is among them comes a wave after it.</summary>
    private List<List<int>> Waves(List<string> ids, string prefix)
    {
        var parentOf = new Dictionary<int, string?>();
        for (var i = 0; i < ids.Count; i++)
        {
            try { parentOf[i] = store.Get(ids[i]).ParentTaskId is { } parent ? SyncEngine.Normalize(parent, prefix) : null; }
            catch (Exception error) when (error is not OperationCanceledException) { parentOf[i] = null; }
        }
        var waves = new List<List<int>>();
        var left = Enumerable.Range(0, ids.Count).ToList();
        while (left.Count > 0)
        {
            var waiting = left.Select(i => ids[i]).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var ready = left.Where(i => parentOf[i] is not { } parent || !waiting.Contains(parent)).ToList();
            if (ready.Count == 0) ready = left;
            waves.Add(ready);
            left = [.. left.Except(ready)];
        }
        return waves;
    }

    public async Task<PairOutcome> CreateAsync(string taskId, string? issueType, bool dryRun, CancellationToken cancellationToken)
    {
        await CustomFieldBinder.BindAsync(config, jira, cancellationToken);
        return await CreateAsync(taskId, issueType, dryRun, null, cancellationToken);
    }

    private async Task<PairOutcome> CreateAsync(string taskId, string? issueType, bool dryRun, SemaphoreSlim? mappingGate, CancellationToken cancellationToken)
    {
        var task = store.Get(taskId);
        var id = task.Id.Normalized(store.Project.Config.TaskPrefix);
        var projectKey = ProjectOverride ?? config.JiraProjectFor(task.Project);
        if (projectKey is null)
        {
            if (config.ProjectMap.Count == 0) config.RequireProjectKey();
            return new PairOutcome
            {
                TaskId = id,
                Error = $"{id} belongs to Backlog.md project \"{task.Project}\", which jira.projectMap in .backlog-jira/config.json does not name; add it (\"{task.Project}\": \"<JIRA KEY>\") or choose one with --project <KEY>.",
            };
        }
        var mappings = MappingFile.Load(paths);
        // Read now: the tasks this one depends on may have been paired earlier in this run.
        config.UsePairs(mappings.All);
        if (mappings.ForTask(id) is { } existing)
            return new PairOutcome { TaskId = id, JiraKey = existing.JiraKey, Error = $"{id} is already mapped to {existing.JiraKey}; use 'backlog-jira push {id}' to update it." };

        var warnings = new List<string>();
        var milestones = MilestoneCatalog.Load(store.Project);
        var backlog = SideReader.Read(TaskReading.Of(task, config, milestones: milestones));
        var draft = await DraftAsync(projectKey, issueType ?? config.IssueType, backlog, warnings, cancellationToken);
        if (task.ParentTaskId is { } parentText)
        {
            var placed = await UnderParentAsync(draft, id, SyncEngine.Normalize(parentText, store.Project.Config.TaskPrefix), mappings, warnings, cancellationToken);
            if (placed.Error is not null) return new PairOutcome { TaskId = id, Error = placed.Error };
            draft = placed.Draft!;
        }
        else if (issueType is not null && !string.Equals(draft.IssueType, issueType, StringComparison.OrdinalIgnoreCase))
            warnings.Add($"{id}: its type \"{task.Type}\" maps to {draft.IssueType}, so it is created as {draft.IssueType}; --issue-type applies to tasks without a type (change the task's type to change the issue's).");
        if (dryRun)
        {
            // The plan is what the real run sends: every field that goes with the issue, and what waits.
            IEnumerable<FieldChange> fields = [.. config.Fields.Where(f => f != SyncFieldCatalog.Title && backlog[f].CanCross && !f.IsEmpty(backlog[f].Value))
                .Select(f => new FieldChange(f.Name, "create in Jira", "", f.Display(backlog[f].Value)))];
            return new PairOutcome
            {
                TaskId = id,
                State = PairState.Unmapped,
                Warnings = warnings,
                Changes = [new FieldChange(SyncFieldCatalog.Title.Name, "create in Jira", "", $"{draft.IssueType} in {projectKey}: {draft.Summary}"), .. fields],
                Waiting = [.. config.Fields.Where(f => backlog[f].IsKnown && !backlog[f].CanCross)
                    .Select(f => new FieldWait(f.Name, FieldChange.ToJira, $"{f.Name} \"{f.Display(backlog[f].Value)}\" cannot go to Jira: {backlog[f].Reason}"))],
            };
        }

        var pendingPath = Path.Combine(paths.Root, "pending", id + ".json");
        var created = await FindEarlierAttemptAsync(pendingPath, projectKey, cancellationToken);
        if (created is null)
        {
            var token = Guid.NewGuid().ToString("N");
            Directory.CreateDirectory(Path.GetDirectoryName(pendingPath)!);
            await AtomicFile.WriteAllTextAsync(pendingPath, new JsonObject
            {
                ["taskId"] = id,
                ["token"] = token,
                ["startedAt"] = clock.GetUtcNow().ToUnixTimeMilliseconds(),
                ["summary"] = draft.Summary,
            }.ToJsonString(), cancellationToken);
            created = await jira.CreateIssueAsync(draft with
            {
                Properties = new Dictionary<string, JsonNode?> { [PropertyKey] = new JsonObject { ["taskId"] = id, ["token"] = token } },
            }, cancellationToken);
            if (AfterJiraCreate is not null) await AfterJiraCreate(created);
        }

        var mapping = new TaskMapping { TaskId = id, JiraKey = created.Key, JiraId = created.Id, TaskCreated = task.CreatedDate, TaskFile = store.Project.RelativePath(task.FilePath), MappedAt = clock.GetUtcNow() };
        // Read again under the gate: another create of this run may have saved its pair since.
        if (mappingGate is not null) await mappingGate.WaitAsync(cancellationToken);
        try { await MappingFile.Load(paths).SetAsync(mapping, cancellationToken); }
        finally { mappingGate?.Release(); }
        File.Delete(pendingPath);

        var issue = await jira.GetIssueAsync(created.Key, cancellationToken)
            ?? throw new InvalidOperationException($"Jira created {created.Key} but does not show it; run 'backlog-jira sync {id}' later.");
        // Jira starts every issue in the workflow's initial status: walk it to the task's status.
        var status = backlog[SyncFieldCatalog.Status];
        var journal = new WriteJournal(paths);
        if (status.CanCross && status.Value is not null)
        {
            // Journalled like a sync's walk: cut off midway, the next sync resumes it from wherever Jira is.
            await journal.RecordAsync(id, [new JournalEntry(SyncFieldCatalog.Status.Name, JournalEntry.Jira, SyncFieldCatalog.Status.ToJson(SyncFieldCatalog.Status.Cast(status.Value)), [])], cancellationToken);
            var writing = new JiraWriting(jira, config, issue, projectKey, backlog, warnings)
            {
                BeforeHop = (hop, token) => journal.AddViaAsync(id, SyncFieldCatalog.Status.Name, hop, token),
            };
            var walk = await SyncFieldCatalog.Status.WriteJiraAsync(writing, status.Value, cancellationToken);
            if (walk.AfterEdit is not null && await walk.AfterEdit(cancellationToken)) issue = await jira.GetIssueAsync(created.Key, cancellationToken) ?? issue;
        }
        issue = await WriteAfterCreateAsync(issue, projectKey, backlog, warnings, cancellationToken);
        var sides = PairSides.Read(task, issue, config, store.Project.Config.Statuses, milestones: milestones);
        warnings.AddRange(sides.Warnings);
        var (state, pulled, waiting) = await NewPairBaseline.SettleAsync(config.Fields, new BacklogSideWriter(store, config, clock, jiraBrowseBase), new SnapshotStore(paths, config),
            task, mapping, sides, madeFromIssue: false, clock.GetUtcNow(), cancellationToken);
        journal.Clear(id);
        new OpsLog(paths, clock).Append("create-issue", id, created.Key, "success",
            details: string.Join(" | ", warnings.Concat(waiting.Select(w => w.Reason))) is { Length: > 0 } details ? details : null);
        return new PairOutcome
        {
            TaskId = id,
            JiraKey = created.Key,
            State = state,
            Pushed = [.. config.Fields.Where(f => backlog[f].CanCross && !f.IsEmpty(backlog[f].Value)).Select(f => f.Name)
                .Except(pulled).Except(waiting.Select(w => w.Field))],
            Pulled = pulled,
            Waiting = waiting,
            Warnings = warnings,
        };
    }

    // One read of a project's issue types per run, however many subtasks are created in it.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<string?>> _subtaskTypes = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A subtask's issue goes under its parent's (docs/sync.md, "Hierarchy"): a sub-task of the parent's issue,
    /// or, when that issue is an epic, a child of it (Cloud's parent field). A parent with no issue stops the create with
    /// the fix: a standard issue cannot be made a sub-task later without Jira's Move.</summary>
    private async Task<(JiraIssueDraft? Draft, string? Error)> UnderParentAsync(JiraIssueDraft draft, string id, string parentId, MappingFile mappings,
        List<string> warnings, CancellationToken cancellationToken)
    {
        if (mappings.ForTask(parentId) is not { } parentPair)
            return (null, $"{id} is a subtask of {parentId}, which has no Jira issue yet; create the parent's first, in the same command if you like: backlog-jira create-issue {parentId} {id}");
        var parent = await jira.GetIssueAsync(parentPair.JiraKey, cancellationToken);
        if (parent is null)
            return (null, $"{id} is a subtask of {parentId}, whose issue {parentPair.JiraKey} no longer exists; fix the parent's pair first ('backlog-jira map repair').");
        if (string.Equals(parent.IssueType, "Epic", StringComparison.OrdinalIgnoreCase))
        {
            if ((await jira.GetServerInfoAsync(cancellationToken)).Deployment == JiraDeployment.Cloud) return (draft with { ParentKey = parent.Key }, null);
            if (jira.WritesEpicLink) return (draft with { EpicKey = parent.Key }, null);
            warnings.Add($"{id}: its parent's issue {parent.Key} is an epic, which Data Center links through its Epic Link field, and the MCP transport cannot set it; the new issue is not linked to it (set Epic Link in Jira).");
            return (draft, null);
        }
        var subtaskType = config.SubtaskIssueType ?? await _subtaskTypes.GetOrAdd(draft.ProjectKey,
            async key => Core.Mapping.IssueTypeMapping.SubtaskTypeAmong((await jira.GetProjectAsync(key, cancellationToken)).IssueTypes));
        if (subtaskType is null)
            return (null, $"{id} is a subtask of {parentId}, but project {draft.ProjectKey} has no sub-task issue type Jira names Subtask or Sub-task; set jira.subtaskIssueType in .backlog-jira/config.json.");
        return (draft with { IssueType = subtaskType, ParentKey = parent.Key }, null);
    }

    /// <summary>The fields Jira cannot take at creation (web links), written once the issue exists; a retry after a crash
    /// finds them written (each write is idempotent). Returns the issue as read after them.</summary>
    private async Task<JiraIssue> WriteAfterCreateAsync(JiraIssue issue, string projectKey, SideValues backlog, List<string> warnings, CancellationToken cancellationToken)
    {
        var writing = new JiraWriting(jira, config, issue, projectKey, backlog, warnings);
        var wrote = false;
        foreach (var field in config.Fields.Where(f => f.WrittenAfterCreate && config.Syncs(f) && backlog[f].CanCross && !f.IsEmpty(backlog[f].Value)))
        {
            var write = await field.WriteJiraAsync(writing, backlog[field].Value, cancellationToken);
            if (write.AfterEdit is not null) wrote |= await write.AfterEdit(cancellationToken);
        }
        return wrote ? await jira.GetIssueAsync(issue.Key, cancellationToken) ?? issue : issue;
    }

    /// <summary>The new issue: every field Jira can hold at creation, through its descriptor; a title Jira cannot take
    /// stops the create with its reason.</summary>
    private async Task<JiraIssueDraft> DraftAsync(string projectKey, string issueType, SideValues backlog, List<string> warnings, CancellationToken cancellationToken)
    {
        var title = backlog[SyncFieldCatalog.Title];
        if (!title.CanCross) throw new InvalidOperationException($"Cannot create the issue: {title.Reason}.");
        var writing = new JiraWriting(jira, config, null, projectKey, backlog, warnings);
        var draft = new JiraIssueDraft { ProjectKey = projectKey, IssueType = issueType, Summary = "" };
        foreach (var field in config.Fields)
        {
            if (backlog[field].CanCross) draft = await field.DraftAsync(writing, draft, backlog[field].Value, cancellationToken);
        }
        return draft;
    }

    private async Task<JiraIssueRef?> FindEarlierAttemptAsync(string pendingPath, string projectKey, CancellationToken cancellationToken)
    {
        if (!File.Exists(pendingPath)) return null;
        var pending = JsonNode.Parse(await File.ReadAllTextAsync(pendingPath, cancellationToken));
        var token = pending?["token"]?.GetValue<string>();
        var startedAt = pending?["startedAt"]?.GetValue<long>() ?? 0;
        if (token is null) return null;
        var since = (startedAt - 300_000).ToString(CultureInfo.InvariantCulture);
        if (!jira.StoresIssueProperties) return await FindBySummaryAsync(pending?["summary"]?.GetValue<string>(), projectKey, since, pendingPath, cancellationToken);
        var candidates = await jira.SearchAsync($"project = \"{projectKey}\" AND created >= {since} ORDER BY created DESC", cancellationToken);
        foreach (var candidate in candidates)
        {
            var property = await jira.GetIssuePropertyAsync(candidate.Key, PropertyKey, cancellationToken);
            if (property?["token"]?.GetValue<string>() == token) return new JiraIssueRef(candidate.Id, candidate.Key, "");
        }
        return null;
    }

    /// <summary>Where no token can be stored on the issue (MCP transport): the one issue this user created since the
    /// attempt with exactly that summary. Two such issues cannot be told apart, so the user decides.</summary>
    private async Task<JiraIssueRef?> FindBySummaryAsync(string? summary, string projectKey, string since, string pendingPath, CancellationToken cancellationToken)
    {
        if (summary is null) return null;
        var candidates = (await jira.SearchAsync($"project = \"{projectKey}\" AND reporter = currentUser() AND created >= {since} ORDER BY created DESC", cancellationToken))
            .Where(c => string.Equals(c.Summary, summary, StringComparison.Ordinal)).ToList();
        return candidates.Count switch
        {
            0 => null,
            1 => new JiraIssueRef(candidates[0].Id, candidates[0].Key, ""),
            _ => throw new InvalidOperationException(
                $"An earlier create-issue was cut off and Jira now has {string.Join(", ", candidates.Select(c => c.Key))} with the summary \"{summary}\". " +
                $"Link the right one with 'backlog-jira map link <taskId> <KEY>' (and delete the other), then delete {pendingPath}."),
        };
    }
}
