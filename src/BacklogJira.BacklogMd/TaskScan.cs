using BacklogJira.BacklogMd.Model;

namespace BacklogJira.BacklogMd;

/// <summary>Everything a full read of the backlog found: the tasks, the files skipped and why, and duplicate ids.</summary>
public sealed record TaskScan(IReadOnlyList<BacklogMdTask> Tasks, IReadOnlyList<TaskFileProblem> Problems, IReadOnlyList<DuplicateTaskId> Duplicates);
