using System.Text.Json;
using BacklogTools.Files;

namespace BacklogJira.Serve.Queue;

/// <summary>
/// The work <c>serve</c> has accepted and not yet done, on disk (<c>.backlog-jira/serve-queue/</c>, one file per issue
/// or task, written temp + rename): a webhook is answered 200 only once its item is on disk, so a crash or restart loses
/// nothing, and a second event for the same issue rewrites the same file instead of adding work. Taken items stay on
/// disk until their sync succeeded; one that received another event meanwhile stays for another round.
/// </summary>
public sealed class PendingWork : IDisposable
{
    public const int ReasonsKept = 20;

    private readonly string _folder;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);

    public PendingWork(string folder, TimeProvider clock)
    {
        _folder = folder;
        _clock = clock;
        Directory.CreateDirectory(folder);
    }

    /// <summary>Items on disk that could not be read (a hand-edited or truncated file): left in place and reported.</summary>
    public List<string> Unreadable { get; } = [];

    public async Task AddAsync(string name, Func<WorkItem?, WorkItem> merge, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var existing = Read(PathOf(name));
            var now = _clock.GetUtcNow();
            var next = merge(existing) with
            {
                Name = name,
                Events = (existing?.Events ?? 0) + 1,
                FirstSeen = existing?.FirstSeen ?? now,
                LastSeen = now,
                Version = Guid.NewGuid().ToString("N"),
            };
            if (next.Reasons.Count > ReasonsKept) next = next with { Reasons = next.Reasons.Skip(next.Reasons.Count - ReasonsKept).ToList() };
            await AtomicFile.WriteAllTextAsync(PathOf(name), JsonSerializer.Serialize(next, ServeJsonContext.Default.WorkItem), CancellationToken.None);
        }
        finally
        {
            _gate.Release();
        }
        _signal.Release();
    }

    /// <summary>Adds an issue event: the issue's latest key wins; a deletion sticks.</summary>
    public Task AddIssueAsync(string issueId, string? key, bool deleted, string reason, CancellationToken cancellationToken) =>
        AddAsync(WorkItem.IssueName(issueId), existing => (existing ?? new WorkItem { Name = "" }) with
        {
            IssueId = issueId,
            IssueKey = key ?? existing?.IssueKey,
            Deleted = deleted || (existing?.Deleted ?? false),
            Reasons = [.. existing?.Reasons ?? [], reason],
        }, cancellationToken);

    public Task AddTaskAsync(string taskId, string reason, CancellationToken cancellationToken) =>
        AddAsync(WorkItem.TaskName(taskId), existing => (existing ?? new WorkItem { Name = "" }) with
        {
            TaskId = taskId,
            Reasons = [.. existing?.Reasons ?? [], reason],
        }, cancellationToken);

    /// <summary>Waits until something was added since the last wait (or returns at once when items are pending).</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose()
    {
        _gate.Dispose();
        _signal.Dispose();
    }

    /// <summary>Wakes the worker without adding an item.</summary>
    public void Wake() => _signal.Release();

    /// <summary>Forgets the wake-ups already counted: the batch about to be read takes every item on disk anyway.</summary>
    public void DrainSignals()
    {
        while (_signal.Wait(0))
        {
        }
    }

    /// <summary>Everything pending, oldest first.</summary>
    public async Task<IReadOnlyList<WorkItem>> PendingAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Unreadable.Clear();
            var items = new List<WorkItem>();
            foreach (var file in Directory.EnumerateFiles(_folder, "*.json"))
            {
                if (Read(file) is { } item) items.Add(item);
                else Unreadable.Add(file);
            }
            return items.OrderBy(i => i.FirstSeen).ThenBy(i => i.Name, StringComparer.Ordinal).ToList();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Items on disk (read or not): what /healthz reports, without parsing each one.</summary>
    public int Count() => Directory.EnumerateFiles(_folder, "*.json").Count();

    /// <summary>Removes the items whose work is done, unless an event came for one since it was taken.</summary>
    public async Task CompleteAsync(IEnumerable<WorkItem> done, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var item in done)
            {
                var path = PathOf(item.Name);
                if (Read(path) is { } current && current.Version == item.Version) File.Delete(path);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private string PathOf(string name) => Path.Combine(_folder, name + ".json");

    private static WorkItem? Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), ServeJsonContext.Default.WorkItem) : null;
        }
        catch (Exception error) when (error is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }
}
