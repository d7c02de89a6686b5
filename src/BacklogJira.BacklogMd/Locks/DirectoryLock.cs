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

    private readonly bool _hasOwnerNote;

    private DirectoryLock(string path, TimeProvider clock, bool hasOwnerNote)
    {
        _path = path;
        _clock = clock;
        _hasOwnerNote = hasOwnerNote;
        _refresher = RefreshAsync(_refresh.Token);
    }

    /// <summary>The note a lock taken with an owner holds: who took it (host, process id, what, since when).</summary>
    public static string OwnerNotePath(string lockPath) => System.IO.Path.Combine(lockPath, "owner");

    public string Path => _path;

    /// <summary>Takes the lock, waiting (polling every <paramref name="pollInterval"/>) up to <paramref name="timeout"/>.</summary>
    public static Task<DirectoryLock> AcquireAsync(string path, TimeSpan timeout, TimeSpan pollInterval, TimeProvider clock,
        Func<string> busyMessage, CancellationToken cancellationToken) =>
        AcquireAsync(path, timeout, pollInterval, clock, busyMessage, owner: null, cancellationToken);

    /// <summary>
    /// Takes the lock as <see cref="AcquireAsync(string, TimeSpan, TimeSpan, TimeProvider, Func{string}, CancellationToken)"/>,
    /// and with an <paramref name="owner"/> writes it inside the lock: a lock whose owner was a process of this host that
    /// no longer runs (killed with -9, the machine's power kept) is taken over at once instead of after 10 s. The note
    /// is bound to the directory it sits in, so a fresh lock another run has just made (note not yet written) is never
    /// judged dead. Only for locks of our own: the CLI's lock directories stay empty.
    /// </summary>
    /// <param name="path">The lock directory.</param>
    /// <param name="timeout">How long to wait for a live holder.</param>
    /// <param name="pollInterval">How often to look again.</param>
    /// <param name="clock">Time for staleness and waits.</param>
    /// <param name="busyMessage">The refusal, built when the wait ends.</param>
    /// <param name="owner">What to write in the note after <c>pid &lt;n&gt; on &lt;host&gt;</c>, or null for no note.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    public static async Task<DirectoryLock> AcquireAsync(string path, TimeSpan timeout, TimeSpan pollInterval, TimeProvider clock,
        Func<string> busyMessage, string? owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(busyMessage);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var deadline = clock.GetUtcNow() + timeout;
        var noted = false;
        while (true)
        {
            if (owner is null ? TryCreate(path) : TryCreateWithNote(path, owner, out noted))
            {
                return new DirectoryLock(path, clock, noted);
            }

            if (IsStale(path, clock) || (owner is not null && OwnerIsGone(path)))
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
            if (_hasOwnerNote)
            {
                // Moved aside first, as taken: a lock is never seen without its note, even when the run dies here.
                var released = $"{_path}{ReleasedMark}{Guid.NewGuid():N}";
                Directory.Move(_path, released);
                TryRemove(released);
            }
            else
            {
                Directory.Delete(_path, recursive: false);
            }
        }
        catch (DirectoryNotFoundException)
        {
            // Someone judged it stale and took it over; nothing of ours is left to remove.
        }
    }

    private static bool TryCreate(string path) => AtomicDirectory.TryCreate(path);

    /// <summary>
    /// Makes the lock with its note already inside: the folder is built under a unique name and renamed into place, so
    /// nobody ever sees the lock without its note. A run killed between a bare mkdir and the note's write used to leave
    /// a lock nobody could attribute, which every later run had to wait 10 s for. A run killed before the rename leaves
    /// only its staging folder, which is not the lock (<see cref="IsLeftover"/>).
    /// </summary>
    private static bool TryCreateWithNote(string path, string owner, out bool noted)
    {
        var staging = $"{path}{StagingMark}{Guid.NewGuid():N}";
        try
        {
            Directory.CreateDirectory(staging);
            File.WriteAllText(OwnerNotePath(staging), $"pid {Environment.ProcessId} on {Environment.MachineName}, {owner}");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Without a note the lock still works; it only frees itself after 10 s instead of at once.
            TryRemove(staging);
            noted = false;
            return TryCreate(path);
        }

        noted = AtomicDirectory.TryRenameNoReplace(staging, path);
        if (!noted)
        {
            TryRemove(staging);
        }

        return noted;
    }

    private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");
    private const string StagingMark = ".taking-";
    private const string ReleasedMark = ".released-";

    /// <summary>
    /// True for what a killed run can leave beside the lock <paramref name="lockPath"/>: a staging folder never renamed
    /// into place, or a released lock not yet removed. Neither is the lock, so neither blocks anyone; they are only litter.
    /// </summary>
    public static bool IsLeftover(string lockPath, string folderPath)
    {
        var name = System.IO.Path.GetFileName(folderPath);
        var lockName = System.IO.Path.GetFileName(lockPath);
        return new[] { StagingMark, ReleasedMark }.Any(mark =>
            name.Length == lockName.Length + mark.Length + 32
            && name.StartsWith(lockName + mark, StringComparison.Ordinal)
            && !name.AsSpan(lockName.Length + mark.Length).ContainsAnyExcept(LowerHex));
    }

    private static void TryRemove(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Litter at worst: the next writing run's sweep removes it (IsLeftover).
        }
    }

    /// <summary>True when the note names a process of this host that is not running. A missing or unreadable note, another
    /// host, or a running process (even a new one that reused the id) means "not provably gone": wait as usual.</summary>
    private static bool OwnerIsGone(string path)
    {
        try
        {
            var note = File.ReadAllText(OwnerNotePath(path));
            var match = System.Text.RegularExpressions.Regex.Match(note, @"^pid (?<pid>\d+) on (?<host>[^,]+),");
            if (!match.Success || match.Groups["host"].Value != Environment.MachineName)
            {
                return false;
            }

            var pid = int.Parse(match.Groups["pid"].Value, System.Globalization.CultureInfo.InvariantCulture);
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                return process.HasExited;
            }
            catch (ArgumentException)
            {
                return true;
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            return false;
        }
    }

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
