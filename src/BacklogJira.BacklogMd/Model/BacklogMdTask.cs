using BacklogJira.BacklogMd.Ids;

namespace BacklogJira.BacklogMd.Model;

/// <summary>
/// A task as Backlog.md 1.52 reads it. Strings hold what the CLI would show (dates as stored text, ids with their stored
/// spelling in <see cref="Id"/>); <see cref="ExtraFrontmatterKeys"/> lists keys the CLI does not know, which we keep.
/// </summary>
public sealed record BacklogMdTask
{
    public required TaskId Id { get; init; }
    public required string Title { get; init; }
    public required string Status { get; init; }
    public IReadOnlyList<string> Assignees { get; init; } = [];
    public string? Reporter { get; init; }
    public string? CreatedDate { get; init; }
    public string? UpdatedDate { get; init; }
    public string? DueDate { get; init; }
    public IReadOnlyList<string> Labels { get; init; } = [];
    public string? Milestone { get; init; }
    public IReadOnlyList<string> Dependencies { get; init; } = [];
    public IReadOnlyList<string> References { get; init; } = [];
    public IReadOnlyList<string> Documentation { get; init; } = [];
    public IReadOnlyList<string> ModifiedFiles { get; init; } = [];
    public string? ParentTaskId { get; init; }
    public IReadOnlyList<string> LegacySubtasks { get; init; } = [];
    public string? Priority { get; init; }
    public string? Type { get; init; }
    public string? Project { get; init; }
    public double? Ordinal { get; init; }
    public string? OnStatusChange { get; init; }
    public IReadOnlyDictionary<string, string> ExtraFrontmatterKeys { get; init; } = new Dictionary<string, string>();

    public string? Description { get; init; }
    public IReadOnlyList<ChecklistItem> AcceptanceCriteria { get; init; } = [];
    public IReadOnlyList<ChecklistItem> DefinitionOfDone { get; init; } = [];
    public string? ImplementationPlan { get; init; }
    public string? ImplementationNotes { get; init; }
    public IReadOnlyList<TaskComment> Comments { get; init; } = [];
    public string? FinalSummary { get; init; }

    /// <summary>Body sections backlog-jira manages for custom-field rules, by heading title (docs/field-mapping.md).</summary>
    public IReadOnlyDictionary<string, string> ManagedSections { get; init; } = new Dictionary<string, string>();

    /// <summary>Absolute path of the file.</summary>
    public required string FilePath { get; init; }

    public required TaskFolder Folder { get; init; }
}
