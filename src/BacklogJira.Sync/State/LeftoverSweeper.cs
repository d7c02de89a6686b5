using System.Text.RegularExpressions;
using BacklogJira.BacklogMd.Discovery;
using BacklogJira.BacklogMd.Locks;
using BacklogJira.BacklogMd.Model;

namespace BacklogJira.Sync.State;

/// <summary>
/// What a killed run leaves behind, removed at the start of the next writing run (under the run lock): our temporary
/// files (<c>.name.&lt;32 hex&gt;.tmp</c>, written before a rename) older than a minute, and Backlog.md task-edit lock
/// folders not refreshed for three times their stale age, and the staging or released folders of our run lock as old
/// (<see cref="DirectoryLock.IsLeftover"/>). A live holder refreshes its lock every 5 s and the lock
/// protocol lets anyone take over a lock stale for 10 s (docs/backlog-md-store.md), so neither can belong to
/// a run still going.
/// </summary>
public static partial class LeftoverSweeper
{
    public static readonly TimeSpan TempAge = TimeSpan.FromMinutes(1);

    public static int Sweep(BacklogMdProject project, StatePaths paths, DateTimeOffset now)
    {
        var removed = 0;
        var folders = new[]
        {
            project.FolderPath(TaskFolder.Tasks), project.FolderPath(TaskFolder.Completed), project.FolderPath(TaskFolder.Drafts), project.FolderPath(TaskFolder.Archived),
            paths.Root, paths.Snapshots, Path.GetDirectoryName(paths.IssueCache)!, Path.GetDirectoryName(paths.Journal("x"))!,
        };
        foreach (var folder in folders.Where(Directory.Exists))
        {
            foreach (var file in new DirectoryInfo(folder).EnumerateFiles(".*.tmp"))
            {
                if (OurTemp().IsMatch(file.Name) && now.UtcDateTime - file.LastWriteTimeUtc > TempAge && TryDelete(() => file.Delete())) removed++;
            }
        }
        if (Directory.Exists(paths.Root))
        {
            foreach (var folder in new DirectoryInfo(paths.Root).EnumerateDirectories(Path.GetFileName(paths.Lock) + ".*"))
            {
                if (DirectoryLock.IsLeftover(paths.Lock, folder.FullName) && now.UtcDateTime - folder.LastWriteTimeUtc > 3 * DirectoryLock.StaleAfter
                    && TryDelete(() => folder.Delete(recursive: true))) removed++;
            }
        }
        var locks = Path.Combine(project.BacklogPath, ".locks");
        if (Directory.Exists(locks))
        {
            foreach (var folder in new DirectoryInfo(locks).EnumerateDirectories("task-*"))
            {
                if (now.UtcDateTime - folder.LastWriteTimeUtc > 3 * DirectoryLock.StaleAfter && TryDelete(() => folder.Delete(recursive: false))) removed++;
            }
        }
        return removed;
    }

    /// <summary>Gone already, or taken by someone else meanwhile: either way not ours to report.</summary>
    private static bool TryDelete(Action delete)
    {
        try
        {
            delete();
            return true;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^\..+\.[0-9a-f]{32}\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex OurTemp();
}
