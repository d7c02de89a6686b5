namespace BacklogJira.BacklogMd.Writing;

/// <summary>What <c>backlog task create</c> takes; null means "not given" (defaults apply as on the CLI).</summary>
public sealed record NewTask
{
    public required string Title { get; init; }
    public string? Status { get; init; }
    public IReadOnlyList<string>? Assignees { get; init; }
    public string? Reporter { get; init; }
    public IReadOnlyList<string> Labels { get; init; } = [];
    public string? Priority { get; init; }
    public string? Type { get; init; }

    /// <summary>The Backlog.md project (1.52's <c>project</c> key).</summary>
    public string? Project { get; init; }
    public string? Milestone { get; init; }
    public string? DueDate { get; init; }
    public string? ParentId { get; init; }

    /// <summary>The parent when it is created in the same batch: its position among the tasks created with this one
    /// (it must come first). The child's id is then allocated under the parent's new id, as the CLI does.</summary>
    public int? ParentInBatch { get; init; }
    public IReadOnlyList<string> Dependencies { get; init; } = [];
    public IReadOnlyList<string> References { get; init; } = [];
    public IReadOnlyList<string> Documentation { get; init; } = [];
    public string? Description { get; init; }
    public IReadOnlyList<string> AcceptanceCriteria { get; init; } = [];
    public IReadOnlyList<string> DefinitionOfDone { get; init; } = [];
    public bool ApplyDefinitionOfDoneDefaults { get; init; } = true;
    public string? ImplementationPlan { get; init; }
    public string? ImplementationNotes { get; init; }
    public string? FinalSummary { get; init; }
    public double? Ordinal { get; init; }

    /// <summary>Comments, in order, each with its author and time.</summary>
    public IReadOnlyList<NewComment> Comments { get; init; } = [];

    /// <summary>Sections backlog-jira manages, by heading title, written after the CLI's own.</summary>
    public IReadOnlyDictionary<string, string> ManagedSections { get; init; } = new Dictionary<string, string>();

    /// <summary>Extra frontmatter keys (e.g. <c>jira_key</c>) written after the CLI's own keys.</summary>
    public IReadOnlyDictionary<string, string> ExtraFrontmatter { get; init; } = new Dictionary<string, string>();
}
