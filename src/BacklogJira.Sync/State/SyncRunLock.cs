using BacklogJira.BacklogMd.Locks;

namespace BacklogJira.Sync.State;

/// <summary>One sync at a time per repository: a mkdir lock in <c>.backlog-jira/.lock</c> (stale after 10 s without refresh).</summary>
public static class SyncRunLock
{
    public static Task<DirectoryLock> AcquireAsync(StatePaths paths, TimeProvider clock, CancellationToken cancellationToken) =>
        DirectoryLock.AcquireAsync(paths.Lock, TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(100), clock,
            () => $"Another backlog-jira run holds {paths.Lock}. Wait for it to finish; if none is running, the lock frees itself after 10 seconds.",
            cancellationToken);
}
