using System.Globalization;
using BacklogJira.BacklogMd.Discovery;
using BacklogJira.BacklogMd.Ids;
using BacklogJira.BacklogMd.Locks;
using BacklogJira.BacklogMd.Model;
using BacklogJira.BacklogMd.Parsing;
using BacklogJira.BacklogMd.Writing;
using BacklogTools.Files;

namespace BacklogJira.BacklogMd;

/// <summary>
/// Reads and writes the tasks of one Backlog.md project the way the <c>backlog</c> CLI 1.52 does, sharing its locks so
/// that we and the CLI can work on the same files at the same time.
/// </summary>
public sealed class BacklogMdTaskStore
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LockPoll = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan HalfWrittenRetryDelay = TimeSpan.FromMilliseconds(50);

    private readonly TimeProvider _clock;

    public BacklogMdTaskStore(BacklogMdProject project, TimeProvider clock)
    {
        Project = project ?? throw new ArgumentNullException(nameof(project));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    public BacklogMdProject Project { get; }

    /// <summary>Opens the project that contains <paramref name="directory"/> (honouring <c>BACKLOG_CWD</c> like the CLI).</summary>
    public static BacklogMdTaskStore Open(string directory, TimeProvider? clock = null) =>
        new(ProjectLocator.Locate(directory, Environment.GetEnvironmentVariable("BACKLOG_CWD")), clock ?? TimeProvider.System);

    /// <summary>Every task file of every folder, listed with its size and last write but not read.</summary>
    public IReadOnlyList<TaskFileEntry> ListTaskFiles()
    {
        var entries = new List<TaskFileEntry>();
        foreach (var folder in new[] { TaskFolder.Tasks, TaskFolder.Completed, TaskFolder.Drafts, TaskFolder.Archived })
        {
            // FileInfo from the directory enumeration carries the size and time the enumeration already read: one stat per file.
            foreach (var info in TaskFileInfos(folder))
                entries.Add(new TaskFileEntry(folder, info.FullName, info.Length, info.LastWriteTimeUtc.Ticks, OccupiedIdScanner.IdFromFileName(info.Name)));
        }
        return entries;
    }

    /// <summary>Reads the given task files, in parallel. Unreadable files are reported, never touched.</summary>
    public TaskScan LoadFiles(IReadOnlyList<TaskFileEntry> files)
    {
        var results = new TaskParseResult[files.Count];
        Parallel.For(0, files.Count, i => results[i] = ReadFile(files[i].Path, files[i].Folder));
        var tasks = results.Where(r => r.Task is not null).Select(r => r.Task!).ToList();
        var problems = results.Where(r => r.Problem is not null).Select(r => r.Problem!).ToList();
        return new TaskScan(tasks, problems, FindDuplicates(tasks));
    }

    /// <summary>Reads every task file of the given folders, in parallel. Unreadable files are reported, never touched.</summary>
    public TaskScan LoadAll(bool includeDrafts = true, bool includeArchived = true)
    {
        var folders = new List<TaskFolder> { TaskFolder.Tasks, TaskFolder.Completed };
        if (includeDrafts)
        {
            folders.Add(TaskFolder.Drafts);
        }

        if (includeArchived)
        {
            folders.Add(TaskFolder.Archived);
        }

        var files = folders.SelectMany(f => TaskFiles(f).Select(path => (Folder: f, Path: path))).ToArray();
        var results = new TaskParseResult[files.Length];
        Parallel.For(0, files.Length, i => results[i] = ReadFile(files[i].Path, files[i].Folder));

        var tasks = results.Where(r => r.Task is not null).Select(r => r.Task!).ToList();
        var problems = results.Where(r => r.Problem is not null).Select(r => r.Problem!).ToList();
        return new TaskScan(tasks, problems, FindDuplicates(tasks));
    }

    /// <summary>
    /// Finds one task in tasks/ or completed/ by id, as <c>backlog task view</c> does, without parsing every file: file
    /// names carry the id, so only candidates are parsed. Falls back to reading every frontmatter id when no name matches.
    /// </summary>
    public BacklogMdTask? Find(string idText)
    {
        if (!TaskId.TryParse(idText, out var wanted))
        {
            return null;
        }

        var candidates = new[] { TaskFolder.Tasks, TaskFolder.Completed }
            .SelectMany(f => TaskFiles(f).Select(p => (Folder: f, Path: p)))
            .Where(c => OccupiedIdScanner.IdFromFileName(Path.GetFileName(c.Path)) is { } fileId && fileId.IsSameTaskAs(wanted))
            .Select(c => ReadFile(c.Path, c.Folder).Task)
            .Where(t => t is not null && t.Id.IsSameTaskAs(wanted))
            .Select(t => t!)
            .ToList();
        if (candidates.Count == 0)
        {
            candidates = LoadAll(includeDrafts: false, includeArchived: false).Tasks.Where(t => t.Id.IsSameTaskAs(wanted)).ToList();
        }

        return candidates.Count switch
        {
            0 => null,
            1 => candidates[0],
            _ => throw new TaskLookupException(
                $"Task ID {wanted.Normalized(Project.Config.TaskPrefix)} is ambiguous; {candidates.Count} files match: " +
                $"{string.Join(", ", candidates.Select(c => Project.RelativePath(c.FilePath)))}. Run 'backlog doctor' to preview a safe repair."),
        };
    }

    public BacklogMdTask Get(string idText) =>
        Find(idText) ?? throw new TaskLookupException(
            TaskId.TryParse(idText, out _)
                ? $"Task {idText} not found in {Project.RelativePath(Project.FolderPath(TaskFolder.Tasks))}/ or completed/. Check the id with `backlog task list --plain`."
                : $"'{idText}' is not a task id; use the form {Project.Config.TaskPrefix.ToUpperInvariant()}-12 or 12.");

    /// <summary>
    /// Edits a task under Backlog.md's per-task lock: the file is read again inside the lock, the edit is computed from
    /// that fresh copy, and the result is written atomically. Returns the task as written (or unchanged).
    /// </summary>
    public Task<BacklogMdTask> UpdateAsync(string idText, Func<BacklogMdTask, TaskEdit> makeEdit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(makeEdit);
        return UpdateLocatedAsync(Get(idText), makeEdit, cancellationToken);
    }

    /// <summary>
    /// The same for a task already read (a sync run holds every task it parsed): no search by id, which costs a listing of
    /// the folder per edit. A file gone since (renamed by the CLI with its title) is looked up by id again.
    /// </summary>
    public Task<BacklogMdTask> UpdateAsync(BacklogMdTask task, Func<BacklogMdTask, TaskEdit> makeEdit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(makeEdit);
        return File.Exists(task.FilePath)
            ? UpdateLocatedAsync(task, makeEdit, cancellationToken)
            : UpdateAsync(task.Id.Original, makeEdit, cancellationToken);
    }

    private async Task<BacklogMdTask> UpdateLocatedAsync(BacklogMdTask located, Func<BacklogMdTask, TaskEdit> makeEdit, CancellationToken cancellationToken)
    {
        var normalizedId = located.Id.Normalized(Project.Config.TaskPrefix);
        await using var editLock = await DirectoryLock.AcquireAsync(LockPaths.TaskEditLock(Project, normalizedId), LockTimeout, LockPoll,
            _clock, () => $"Edit failed: {normalizedId} is being modified by another process for over {LockTimeout.TotalSeconds:0} s; retry later.",
            cancellationToken);

        var text = await TaskFileText.ReadAsync(located.FilePath, cancellationToken);
        var parsed = TaskFileParser.Parse(located.FilePath, text, located.Folder);
        var current = parsed.Task ?? throw new TaskEditException($"{parsed.Problem}; nothing was written.");
        if (!current.Id.IsSameTaskAs(located.Id))
            throw new TaskEditException($"{Project.RelativePath(located.FilePath)} now holds {current.Id.Original}, not {located.Id.Original}; nothing was written. Run again.");
        var updated = TaskFileEditor.Apply(text, current, makeEdit(current), _clock.GetUtcNow());
        if (ReferenceEquals(updated, text))
        {
            return current;
        }

        await AtomicFile.WriteAllTextAsync(located.FilePath, updated, cancellationToken);
        return TaskFileParser.Parse(located.FilePath, updated, located.Folder).Task!;
    }

    /// <summary>
    /// Creates a task as <c>backlog task create</c> does: under the shared create lock, with the CLI's id allocation
    /// (including ids held by other worktrees and branches), file naming, defaults and ordinal.
    /// </summary>
    public async Task<BacklogMdTask> CreateAsync(NewTask task, CancellationToken cancellationToken) =>
        (await CreateManyAsync([task], null, cancellationToken))[0];

    /// <summary>
    /// Creates several tasks, one after the other, exactly as as many <c>backlog task create</c> runs would, but with the
    /// create lock taken once and the occupied ids and ordinals read once (an import of 1,000 issues otherwise re-reads
    /// every task and runs git once per new task). Tasks already written stay written if a later one fails.
    /// </summary>
    /// <param name="tasks">The tasks, created in this order.</param>
    /// <param name="beforeWrite">Called inside the create lock with every task's id, creation time and file once all are
    /// allocated and before the first file is written: a caller records its intent there, so a run cut off midway can
    /// recognise its own files later even after the CLI rewrote them.</param>
    /// <param name="cancellationToken">Stops between files.</param>
    public async Task<IReadOnlyList<BacklogMdTask>> CreateManyAsync(IReadOnlyList<NewTask> tasks,
        Func<IReadOnlyList<PlannedTask>, CancellationToken, Task>? beforeWrite, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var resolved = new List<(NewTask Task, string Status)>(tasks.Count);
        foreach (var task in tasks)
        {
            if (string.IsNullOrWhiteSpace(task.Title))
            {
                throw new TaskEditException("A task needs a title.");
            }

            var status = task.Status is null ? Project.Config.DefaultStatus
                : Project.Config.MatchStatus(task.Status) ?? throw new TaskEditException(
                    $"Invalid status: {task.Status}. Valid statuses are: {string.Join(", ", Project.Config.Statuses)}");
            resolved.Add((task, status));
        }

        if (resolved.Count == 0)
        {
            return [];
        }

        var gitCommonDir = Project.Config.FilesystemOnly ? null : OccupiedIdScanner.GitCommonDir(Project.RootPath);
        await using var createLock = await DirectoryLock.AcquireAsync(LockPaths.CreateLock(Project, gitCommonDir), LockTimeout,
            TimeSpan.FromMilliseconds(100), _clock,
            () => "Another task create/promote/demote operation is already in progress. Please try again.", cancellationToken);

        var localNames = new[] { TaskFolder.Tasks, TaskFolder.Completed }.SelectMany(TaskFiles).Select(Path.GetFileName).ToList();
        var occupied = OccupiedIdScanner.Scan(Project, localNames!).ToList();
        // The ordinals of the active tasks, each new task's appended as it is planned: the CLI's max + 1000 rule.
        var ordinals = TaskFiles(TaskFolder.Tasks).Select(p => ReadFile(p, TaskFolder.Tasks).Task).Where(t => t is not null).Select(t => t!.Ordinal).ToList();
        // Every id is allocated before the first file is written, so the caller hears the whole plan first.
        var planned = new List<(PlannedTask Plan, string Text)>(resolved.Count);
        foreach (var (task, status) in resolved)
        {
            TaskId? parentId;
            if (task.ParentInBatch is { } index)
            {
                parentId = index >= 0 && index < planned.Count && TaskId.TryParse(planned[index].Plan.Id, out var plannedParent)
                    ? plannedParent
                    : throw new TaskEditException($"The parent of \"{task.Title}\" must be created before it in the same batch.");
            }
            else
            {
                parentId = task.ParentId is null ? null : Get(task.ParentId).Id;
            }

            var id = parentId is null
                ? TaskIdAllocator.NextTopLevel(occupied, Project.Config.TaskPrefix, Project.Config.ZeroPaddedIds)
                : TaskIdAllocator.NextChild(occupied, parentId, Project.Config.ZeroPaddedIds);
            var parentStored = parentId?.Normalized(Project.Config.TaskPrefix);
            var ordinal = task.Ordinal ?? NextOrdinal(ordinals);
            var createdDate = _clock.GetUtcNow().UtcDateTime.ToString(TaskFileEditor.DateTimeFormat, CultureInfo.InvariantCulture);
            var definitionOfDone = (task.ApplyDefinitionOfDoneDefaults ? Project.Config.DefinitionOfDone : []).Concat(task.DefinitionOfDone).ToList();
            var text = NewTaskRenderer.Render(task with { ParentId = parentStored }, id, status,
                task.Assignees ?? Project.Config.DefaultAssignee, definitionOfDone, ordinal, createdDate);
            var path = Path.Combine(Project.FolderPath(TaskFolder.Tasks), FileNaming.TaskFileName(id, task.Title.Trim()));
            planned.Add((new PlannedTask(id, createdDate, path), text));
            ordinals.Add(ordinal);
            if (TaskId.TryParse(id, out var newId))
            {
                occupied.Add(newId);
            }
        }

        if (beforeWrite is not null)
        {
            await beforeWrite([.. planned.Select(p => p.Plan)], cancellationToken);
        }

        var created = new List<BacklogMdTask>(resolved.Count);
        foreach (var (plan, text) in planned)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Directory.CreateDirectory(Path.GetDirectoryName(plan.FilePath)!);
            await AtomicFile.WriteAllTextAsync(plan.FilePath, text, cancellationToken);
            var result = TaskFileParser.Parse(plan.FilePath, text, TaskFolder.Tasks);
            created.Add(result.Task ?? throw new TaskEditException($"Created {plan.FilePath}, but it does not read back: {result.Problem}"));
        }

        return created;
    }

    /// <summary>
    /// Subtasks of <paramref name="parent"/> as the CLI computes them (children point at their parent with
    /// <c>parent_task_id</c>). Child ids extend the parent's, so only files named <c>&lt;parent&gt;.N - …</c> are parsed.
    /// </summary>
    public IReadOnlyList<BacklogMdTask> FindSubtasks(BacklogMdTask parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return new[] { TaskFolder.Tasks, TaskFolder.Completed }
            .SelectMany(f => TaskFiles(f).Select(p => (Folder: f, Path: p)))
            .Where(c => OccupiedIdScanner.IdFromFileName(Path.GetFileName(c.Path)) is { } id && id.ParentId() is { } p && p.IsSameTaskAs(parent.Id))
            .Select(c => ReadFile(c.Path, c.Folder).Task)
            .Where(t => t?.ParentTaskId is { } p && TaskId.TryParse(p, out var pid) && pid.IsSameTaskAs(parent.Id))
            .Select(t => t!)
            .ToList();
    }

    /// <summary>Task files of one folder, matched as the CLI globs them (docs/reference/backlog-md.md §1.2; case-sensitive prefix).</summary>
    public IEnumerable<string> TaskFiles(TaskFolder folder) =>
        Directory.Exists(Project.FolderPath(folder))
            ? Directory.EnumerateFiles(Project.FolderPath(folder), TaskFilePattern(folder), TaskFileEnumeration)
            : [];

    private IEnumerable<FileInfo> TaskFileInfos(TaskFolder folder) =>
        Directory.Exists(Project.FolderPath(folder))
            ? new DirectoryInfo(Project.FolderPath(folder)).EnumerateFiles(TaskFilePattern(folder), TaskFileEnumeration)
            : [];

    private string TaskFilePattern(TaskFolder folder) =>
        folder == TaskFolder.Drafts ? "draft-*.md" : $"{Project.Config.TaskPrefix.ToLowerInvariant()}-*.md";

    private static readonly EnumerationOptions TaskFileEnumeration = new() { MatchCasing = MatchCasing.CaseSensitive, RecurseSubdirectories = false };

    private static double? NextOrdinal(IReadOnlyList<double?> ordinals)
    {
        if (ordinals.Count == 0)
        {
            return 1000;
        }

        var known = ordinals.Where(o => o is not null).Select(o => o!.Value).ToList();
        return known.Count == 0 ? null : known.Max() + 1000;
    }

    private static TaskParseResult ReadFile(string path, TaskFolder folder)
    {
        var result = ReadFileOnce(path, folder);
        if (result.Task is null)
        {
            // The CLI writes in place (docs/backlog-md-store.md): a parse failure may be a file caught mid-write. Look once more.
            Thread.Sleep(HalfWrittenRetryDelay);
            result = ReadFileOnce(path, folder);
        }

        return result;
    }

    /// <summary>One file never stops a run: a file that cannot be read, or that trips the parser in a way it does not
    /// foresee, is reported like any other unreadable file.</summary>
    private static TaskParseResult ReadFileOnce(string path, TaskFolder folder)
    {
        try
        {
            return TaskFileParser.Parse(path, TaskFileText.Read(path), folder);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return new TaskParseResult(null, new TaskFileProblem(path, 1, $"cannot be read: {error.Message}"));
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return new TaskParseResult(null, new TaskFileProblem(path, 1, $"does not parse ({error.GetType().Name}: {error.Message})"));
        }
    }

    private IReadOnlyList<DuplicateTaskId> FindDuplicates(IEnumerable<BacklogMdTask> tasks) =>
        tasks.Where(t => t.Folder is TaskFolder.Tasks or TaskFolder.Completed)
            .GroupBy(t => t.Id.IdentityKey(Project.Config.TaskPrefix), StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => new DuplicateTaskId(g.Key, g.Select(t => Project.RelativePath(t.FilePath)).Order(StringComparer.Ordinal).ToList()))
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
}
