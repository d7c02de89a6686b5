using System.Globalization;
using BacklogJira.BacklogMd.Locks;

namespace BacklogJira.Sync.State;

/// <summary>One sync at a time per repository: a mkdir lock in <c>.backlog-jira/.lock</c> (stale after 10 s without
/// refresh, at once when its owner process on this host is gone). Who holds it (process id, host, command, since when)
/// is written inside it, so a refused run can say.</summary>
public static class SyncRunLock
{
    /// <summary>How long a run waits for another. A <c>serve</c> holds the lock only for one batch at a time, and a manual
    /// run should take its turn rather than fail, so a lock held by serve is waited for longer.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan WaitForServe = TimeSpan.FromSeconds(30);

    public static async Task<DirectoryLock> AcquireAsync(StatePaths paths, TimeProvider clock, CancellationToken cancellationToken)
    {
        try
        {
            return await TakeAsync(paths, Wait, clock, cancellationToken);
        }
        catch (LockBusyException) when (HeldByServe(paths))
        {
            return await TakeAsync(paths, WaitForServe, clock, cancellationToken);
        }
    }

    private static Task<DirectoryLock> TakeAsync(StatePaths paths, TimeSpan wait, TimeProvider clock, CancellationToken cancellationToken)
    {
        var command = string.Join(' ', Environment.GetCommandLineArgs().Skip(1).Select(Path.GetFileName));
        var since = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return DirectoryLock.AcquireAsync(paths.Lock, wait, TimeSpan.FromMilliseconds(100), clock,
            () => $"Another backlog-jira run holds {paths.Lock}{Holder(paths)}. Wait for it to finish; a lock left by a run on another machine frees itself 10 seconds after that run stopped.",
            $"{command}, since {since}", cancellationToken);
    }

    /// <summary>The holder's note (<c>pid N on host, &lt;command&gt;, since …</c>) names a <c>serve</c> command.</summary>
    private static bool HeldByServe(StatePaths paths)
    {
        try
        {
            var note = File.ReadAllText(DirectoryLock.OwnerNotePath(paths.Lock));
            var command = note.Split(", ", 3) is { Length: >= 2 } parts ? parts[1] : "";
            return command == "serve" || command.StartsWith("serve ", StringComparison.Ordinal);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Takes the lock, then removes what a killed run left behind (only safe once the lock is held); returns
    /// the lock and how many leftovers went.</summary>
    public static async Task<(DirectoryLock Lock, int Swept)> AcquireAndSweepAsync(StatePaths paths, BacklogJira.BacklogMd.Discovery.BacklogMdProject project,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var held = await AcquireAsync(paths, clock, cancellationToken);
        return (held, LeftoverSweeper.Sweep(project, paths, clock.GetUtcNow()));
    }

    private static string Holder(StatePaths paths)
    {
        try
        {
            var note = DirectoryLock.OwnerNotePath(paths.Lock);
            return File.Exists(note) ? $" ({File.ReadAllText(note).Trim()})" : "";
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
