using System.Text.RegularExpressions;
using BacklogJira.BacklogMd.Discovery;

namespace BacklogJira.BacklogMd.Locks;

/// <summary>Where Backlog.md puts its lock directories (docs/reference/backlog-md.md §5.1, §5.2).</summary>
public static partial class LockPaths
{
    /// <summary><c>&lt;B&gt;/.locks/task-&lt;id lower-cased, runs outside [a-z0-9._-] → '-', leading dots removed&gt;</c>.</summary>
    public static string TaskEditLock(BacklogMdProject project, string storedId)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(storedId);
        var safe = Unsafe().Replace(storedId.ToLowerInvariant(), "-").TrimStart('.');
        return Path.Combine(project.BacklogPath, ".locks", "task-" + safe);
    }

    /// <summary>The create lock: under the git common dir (shared by worktrees), or <c>&lt;B&gt;/.locks/create</c> without git.</summary>
    public static string CreateLock(BacklogMdProject project, string? gitCommonDir)
    {
        ArgumentNullException.ThrowIfNull(project);
        return gitCommonDir is null || project.Config.FilesystemOnly
            ? Path.Combine(project.BacklogPath, ".locks", "create")
            : Path.Combine(gitCommonDir, "backlog.md", "locks", "create");
    }

    [GeneratedRegex("[^a-z0-9._-]+", RegexOptions.CultureInvariant)]
    private static partial Regex Unsafe();
}
