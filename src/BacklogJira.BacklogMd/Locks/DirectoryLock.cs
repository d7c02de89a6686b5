namespace BacklogJira.BacklogMd.Locks;

/// <summary>
/// Backlog.md's lock protocol (docs/reference/backlog-md.md §5, proper-lockfile): a lock is a directory made with <c>mkdir</c>, its mtime is
/// refreshed every 5 s while held, and one not refreshed for 10 s is stale and may be taken over. Because mkdir is
/// atomic, our writes and the CLI's <c>task edit</c> / <c>task create</c> never interleave.
/// </summary>
public sealed class DirectoryLock : IAsyncDisposable
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);

    private readonly string _path;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _refresh = new();
    private readonly Task _refresher;

    private DirectoryLock(string path, TimeProvider clock)
    {
        _path = path;
        _clock = clock;
        _refresher = RefreshAsync(_refresh.Token);
    }

    public string Path => _path;

    /// <summary>Takes the lock, waiting (polling every <paramref name="pollInterval"/>) up to <paramref name="timeout"/>.</summary>
    public static async Task<DirectoryLock> AcquireAsync(string path, TimeSpan timeout, TimeSpan pollInterval, TimeProvider clock,
        Func<string> busyMessage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(busyMessage);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var deadline = clock.GetUtcNow() + timeout;
        while (true)
        {
            if (TryCreate(path))
            {
                return new DirectoryLock(path, clock);
            }

            if (IsStale(path, clock))
            {
                TryRemoveStale(path);
                continue;
            }

            if (clock.GetUtcNow() >= deadline)
            {
                throw new LockBusyException(busyMessage());
            }

            await Task.Delay(pollInterval, clock, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _refresh.CancelAsync();
        try
        {
            await _refresher;
        }
        catch (OperationCanceledException)
        {
            // Expected: the refresher stops when the lock is released.
        }

        _refresh.Dispose();
        try
        {
            Directory.Delete(_path, recursive: false);
        }
        catch (DirectoryNotFoundException)
        {
            // Someone judged it stale and took it over; nothing of ours is left to remove.
        }
    }

    private static bool TryCreate(string path) => AtomicDirectory.TryCreate(path);

    private static bool IsStale(string path, TimeProvider clock)
    {
        try
        {
            var info = new DirectoryInfo(path);
            return info.Exists && clock.GetUtcNow() - info.LastWriteTimeUtc > StaleAfter;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void TryRemoveStale(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Another waiter removed it first, or its owner released it.
        }
        catch (UnauthorizedAccessException)
        {
            // Same race as above on some file systems.
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(RefreshEvery);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            try
            {
                Directory.SetLastWriteTimeUtc(_path, _clock.GetUtcNow().UtcDateTime);
            }
            catch (IOException)
            {
                return;
            }
        }
    }
}

public sealed class LockBusyException : Exception
{
    public LockBusyException(string message) : base(message)
    {
    }

    public LockBusyException()
    {
    }

    public LockBusyException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
