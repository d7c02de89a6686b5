using BacklogJira.BacklogMd.Config;
using BacklogJira.BacklogMd.Model;

namespace BacklogJira.BacklogMd.Discovery;

/// <summary>A located Backlog.md project: its root, its backlog folder and its parsed config.</summary>
public sealed record BacklogMdProject(string RootPath, string BacklogPath, string ConfigPath, BacklogMdConfig Config)
{
    public string FolderPath(TaskFolder folder) => folder switch
    {
        TaskFolder.Tasks => Path.Combine(BacklogPath, "tasks"),
        TaskFolder.Drafts => Path.Combine(BacklogPath, "drafts"),
        TaskFolder.Completed => Path.Combine(BacklogPath, "completed"),
        TaskFolder.Archived => Path.Combine(BacklogPath, "archive", "tasks"),
        _ => throw new ArgumentOutOfRangeException(nameof(folder)),
    };

    /// <summary>Project-relative path with forward slashes, as <c>task view --json</c> prints it.</summary>
    public string RelativePath(string absolutePath) => Path.GetRelativePath(RootPath, absolutePath).Replace('\\', '/');
}
