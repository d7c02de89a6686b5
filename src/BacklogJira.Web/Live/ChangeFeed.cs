namespace BacklogJira.Web.Live;

/// <summary>
/// Tells open pages that a pair may have changed (docs/web-ui.md, "Live"): a task file written (by an editor, the
/// <c>backlog</c> CLI or a sync), or the pairing state written (mappings, snapshots, the ops log, the config) by any
/// run: this UI, the CLI, <c>watch</c>, or <c>serve</c> after a webhook. Caches, locks and journals are left out: a
/// status read writes nothing watched, so a page's own refresh never triggers another. Bursts become one event.
/// </summary>
public sealed class ChangeFeed : IDisposable
{
    private static readonly string[] Unwatched = ["cache", ".lock", "journal", "serve-queue", "pending"];

    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _settle;
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _version;

    public ChangeFeed(IEnumerable<string> taskFolders, string stateRoot, TimeSpan settle)
    {
        _settle = new Timer(_ => Publish());
        foreach (var folder in taskFolders.Where(Directory.Exists)) Watch(folder, "*.md", false, _ => true);
        if (Directory.Exists(stateRoot))
            Watch(stateRoot, "*", true, path => Path.GetRelativePath(stateRoot, path).Split(Path.DirectorySeparatorChar)[0] is var first && !Unwatched.Contains(first) && !first.StartsWith('.'));
        Settle = settle;
    }

    public TimeSpan Settle { get; }

    public long Version => Interlocked.Read(ref _version);

    /// <summary>Waits until the version moves past <paramref name="seen"/>, or <paramref name="timeout"/> passes (then
    /// the version is unchanged: the caller sends a keep-alive).</summary>
    public async Task<long> WaitAsync(long seen, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task next;
        lock (_gate)
        {
            if (Version != seen) return Version;
            next = _next.Task;
        }
        await Task.WhenAny(next, Task.Delay(timeout, cancellationToken)).WaitAsync(cancellationToken);
        return Version;
    }

    /// <summary>A change seen by other means (this UI's own write): pages update as for a file change.</summary>
    public void Touch() => _settle.Change(Settle, Timeout.InfiniteTimeSpan);

    private void Watch(string folder, string filter, bool subfolders, Func<string, bool> counts)
    {
        var watcher = new FileSystemWatcher(folder, filter) { IncludeSubdirectories = subfolders, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
        void Changed(object? sender, FileSystemEventArgs e)
        {
            if (counts(e.FullPath) && !Path.GetFileName(e.FullPath).Contains(".tmp", StringComparison.OrdinalIgnoreCase)) Touch();
        }
        watcher.Changed += Changed;
        watcher.Created += Changed;
        watcher.Deleted += Changed;
        watcher.Renamed += (sender, e) => Changed(sender, e);
        watcher.EnableRaisingEvents = true;
        _watchers.Add(watcher);
    }

    private void Publish()
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            Interlocked.Increment(ref _version);
            done = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        done.TrySetResult();
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
        _settle.Dispose();
    }
}
