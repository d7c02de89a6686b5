using BacklogJira.BacklogMd.Discovery;
using BacklogJira.BacklogMd.Ids;
using BacklogJira.BacklogMd.Model;

namespace BacklogJira.Sync.Engine;

/// <summary>
/// The task files a run could not parse, by the id their file name carries. A mapped task whose only file is one of
/// them is unreadable, not deleted: the pair is skipped with the file, line and reason, and its mapping is kept
/// (docs/sync.md, "Unreadable task files"). The <c>backlog</c> CLI skips such a file too.
/// </summary>
internal sealed class UnreadableTaskFiles(IReadOnlyList<TaskFileProblem> problems, BacklogMdProject project, string prefix)
{
    private readonly IReadOnlyList<(string? Id, TaskFileProblem Problem)> _files =
        [.. problems.Select(p => (OccupiedIdScanner.IdFromFileName(Path.GetFileName(p.FilePath))?.Normalized(prefix), p))];

    /// <summary>Why the mapped task <paramref name="taskId"/> could not be read, if a file in tasks/ or completed/ with
    /// its id does not parse.</summary>
    public string? For(string taskId)
    {
        var file = _files.FirstOrDefault(f => string.Equals(f.Id, taskId, StringComparison.OrdinalIgnoreCase) && IsActive(f.Problem.FilePath));
        return file.Problem is null ? null
            : $"{taskId} was not synced: its file does not parse: {Describe(file.Problem)}. Fix the file (the backlog CLI skips it too) and run again; the mapping is kept.";
    }

    /// <summary>The unreadable files that belong to none of <paramref name="mappedIds"/>: the id (or the file's path
    /// when its name has none) and why.</summary>
    public IEnumerable<(string Id, string Reason)> NotIn(IEnumerable<string> mappedIds)
    {
        var mapped = mappedIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return _files.Where(f => f.Id is null || !mapped.Contains(f.Id))
            .Select(f => (f.Id ?? project.RelativePath(f.Problem.FilePath), $"skipped, the file does not parse: {Describe(f.Problem)}"));
    }

    private string Describe(TaskFileProblem problem) =>
        $"{project.RelativePath(problem.FilePath)}{(problem.Line is { } line ? $" line {line}" : "")}: {problem.Reason}";

    private bool IsActive(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        return string.Equals(folder, Path.GetFullPath(project.FolderPath(TaskFolder.Tasks)).TrimEnd('/'), StringComparison.Ordinal)
            || string.Equals(folder, Path.GetFullPath(project.FolderPath(TaskFolder.Completed)).TrimEnd('/'), StringComparison.Ordinal);
    }
}
