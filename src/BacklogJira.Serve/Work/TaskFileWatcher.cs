using BacklogJira.BacklogMd.Ids;
using BacklogJira.Serve.Queue;

namespace BacklogJira.Serve.Work;

/// <summary>
/// Queues a task when its file is written, created, renamed into place (the CLI and our writer both write a temp file
/// and rename it) or deleted. Our own writes come back here too; their sync finds the pair agreed and writes nothing.
/// File events are not reliable everywhere (network drives, some containers, an overflowing buffer): the poll catches
/// whatever they miss, and an overflow asks for a poll at once.
/// </summary>
public sealed class TaskFileWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly PendingWork _queue;
    private readonly Action _missedEvents;
    private readonly Action<string> _log;

    public TaskFileWatcher(IEnumerable<string> folders, PendingWork queue, Action missedEvents, Action<string> log)
    {
        _queue = queue;
        _missedEvents = missedEvents;
        _log = log;
        foreach (var folder in folders.Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(folder, "*.md")
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
                InternalBufferSize = 64 * 1024,
            };
            watcher.Changed += (_, e) => Queue(e.Name, "file changed");
            watcher.Created += (_, e) => Queue(e.Name, "file created");
            watcher.Deleted += (_, e) => Queue(e.Name, "file deleted");
            watcher.Renamed += (_, e) =>
            {
                Queue(e.Name, "file renamed");
                Queue(e.OldName, "file renamed");
            };
            watcher.Error += (_, e) =>
            {
                _log($"file events lost ({e.GetException().Message}); syncing everything now instead");
                _missedEvents();
            };
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    private void Queue(string? name, string reason)
    {
        if (name is null || name.StartsWith('.') || OccupiedIdScanner.IdFromFileName(name) is not { } id) return;
        _ = AddAsync(id.ToString(), reason);
    }

    private async Task AddAsync(string taskId, string reason)
    {
        try
        {
            await _queue.AddTaskAsync(taskId, reason, CancellationToken.None);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            _log($"{taskId}: could not queue its file change ({error.Message}); the poll will catch it");
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
    }
}
