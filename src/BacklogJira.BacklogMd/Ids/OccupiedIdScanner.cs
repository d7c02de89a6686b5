using System.Text.RegularExpressions;
using BacklogJira.BacklogMd.Discovery;

namespace BacklogJira.BacklogMd.Ids;

/// <summary>
/// Ids that a new task must not take (docs/reference/backlog-md.md §1.5): tasks/ and completed/ of this working copy, of every other git
/// worktree, and of local and remote-tracking branches when branch checking is on. We read file names only (the CLI's
/// name fallback), which is enough to avoid collisions. We do not <c>git fetch</c>: a sync must not touch the network
/// behind the user's back; the CLI's fetch covers that when people create tasks by hand.
/// </summary>
public static partial class OccupiedIdScanner
{
    public static IReadOnlyList<TaskId> Scan(BacklogMdProject project, IEnumerable<string> workingCopyFileNames)
    {
        ArgumentNullException.ThrowIfNull(project);
        var names = new List<string>(workingCopyFileNames);
        if (!project.Config.FilesystemOnly && GitCommonDir(project.RootPath) is not null)
        {
            var relativeBacklog = project.RelativePath(project.BacklogPath);
            foreach (var worktree in OtherWorktrees(project.RootPath))
            {
                foreach (var folder in new[] { "tasks", "completed" })
                {
                    var dir = Path.Combine(worktree, relativeBacklog, folder);
                    if (Directory.Exists(dir))
                    {
                        names.AddRange(Directory.EnumerateFiles(dir, "*.md").Select(Path.GetFileName)!);
                    }
                }
            }

            if (project.Config.CheckActiveBranches)
            {
                var refs = GitCommand.Run(project.RootPath, "for-each-ref", "--format=%(refname)", "refs/heads", "refs/remotes") ?? string.Empty;
                foreach (var reference in refs.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    var listing = GitCommand.Run(project.RootPath, "ls-tree", "--name-only", reference, "--", $"{relativeBacklog}/tasks/", $"{relativeBacklog}/completed/");
                    names.AddRange((listing ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(p => p[(p.LastIndexOf('/') + 1)..]));
                }
            }
        }

        return names.Select(IdFromFileName).Where(id => id is not null).Select(id => id!).ToList();
    }

    /// <summary>The id a file name starts with (<c>task-12 - Title.md</c> → <c>task-12</c>), or null.</summary>
    public static TaskId? IdFromFileName(string? fileName)
    {
        if (fileName is null)
        {
            return null;
        }

        var match = FileNameId().Match(fileName);
        return match.Success && TaskId.TryParse(match.Groups[1].Value, out var id) ? id : null;
    }

    public static string? GitCommonDir(string root)
    {
        var dir = GitCommand.Run(root, "rev-parse", "--git-common-dir")?.Trim();
        return string.IsNullOrEmpty(dir) ? null : Path.GetFullPath(Path.Combine(root, dir));
    }

    private static IEnumerable<string> OtherWorktrees(string root)
    {
        var porcelain = GitCommand.Run(root, "worktree", "list", "--porcelain") ?? string.Empty;
        return porcelain.Split('\n')
            .Where(l => l.StartsWith("worktree ", StringComparison.Ordinal))
            .Select(l => l["worktree ".Length..].Trim())
            .Where(p => !string.Equals(Path.GetFullPath(p).TrimEnd('/'), Path.GetFullPath(root).TrimEnd('/'), StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^([A-Za-z]+-[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*) -", RegexOptions.CultureInvariant)]
    private static partial Regex FileNameId();
}
