using System.Globalization;
using BacklogJira.BacklogMd.Locks;

namespace BacklogJira.Sync.State;

/// <summary>One sync at a time per repository: a mkdir lock in <c>.backlog-jira/.lock</c> (stale after 10 s without
/// refresh). Who holds it (process id, command, since when) is written beside it, so a refused run can say.</summary>
public static class SyncRunLock
{
    public static async Task<DirectoryLock> AcquireAsync(StatePaths paths, TimeProvider clock, CancellationToken cancellationToken)
    {
        var held = await DirectoryLock.AcquireAsync(paths.Lock, TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(100), clock,
            () => $"Another backlog-jira run holds {paths.Lock}{Holder(paths)}. Wait for it to finish; if none is running, the lock frees itself after 10 seconds.",
            cancellationToken);
        var command = string.Join(' ', Environment.GetCommandLineArgs().Skip(1).Select(Path.GetFileName));
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(HolderPath(paths))!);
            await File.WriteAllTextAsync(HolderPath(paths),
                $"pid {Environment.ProcessId}, {command}, since {clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)}", cancellationToken);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Only a courtesy for the message above: the lock itself is held.
        }
        return held;
    }

    /// <summary>In <c>cache/</c>, which git already ignores in every project (a file beside <c>.lock</c> would not be).</summary>
    private static string HolderPath(StatePaths paths) => Path.Combine(Path.GetDirectoryName(paths.IssueCache)!, "run-lock-holder.txt");

    private static string Holder(StatePaths paths)
    {
        try
        {
            return File.Exists(HolderPath(paths)) ? $" ({File.ReadAllText(HolderPath(paths)).Trim()})" : "";
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
