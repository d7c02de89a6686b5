using BacklogJira.BacklogMd.Model;

namespace BacklogJira.BacklogMd.Writing;

/// <summary>
/// The changes to make to one task. A null property means "leave as is". For optional text (priority and the text
/// sections) an empty string means "clear". Checklists are the complete wanted list; <see cref="ChecklistEdits"/> builds
/// them from add/check/uncheck/remove steps.
/// </summary>
public sealed record TaskEdit
{
    public string? Title { get; init; }
    public string? Status { get; init; }
    public IReadOnlyList<string>? Assignees { get; init; }
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>Task ids this task depends on (the CLI writes the key always, even empty).</summary>
    public IReadOnlyList<string>? Dependencies { get; init; }

    /// <summary>URLs and paths; an empty list removes the key, which the CLI writes only when non-empty.</summary>
    public IReadOnlyList<string>? References { get; init; }
    public string? Priority { get; init; }

    /// <summary>The task type (<c>bug</c>, <c>feature</c>, …); "" clears it.</summary>
    public string? Type { get; init; }

    /// <summary>A milestone id (<c>m-0</c>) or text; "" clears it.</summary>
    public string? Milestone { get; init; }

    /// <summary>The parent task's id (<c>TASK-1</c>); "" makes the task a top-level one. The task keeps its own id, as
    /// Backlog.md computes children from <c>parent_task_id</c> (docs/reference/backlog-md.md).</summary>
    public string? ParentTaskId { get; init; }

    /// <summary>A handle such as <c>@alice</c>; "" clears it.</summary>
    public string? Reporter { get; init; }

    /// <summary>A calendar date <c>YYYY-MM-DD</c>; "" clears it.</summary>
    public string? DueDate { get; init; }

    public string? Description { get; init; }
    public IReadOnlyList<ChecklistItem>? AcceptanceCriteria { get; init; }
    public IReadOnlyList<ChecklistItem>? DefinitionOfDone { get; init; }
    public string? ImplementationPlan { get; init; }
    public string? ImplementationNotes { get; init; }
    public string? FinalSummary { get; init; }
    public IReadOnlyList<NewComment> AddComments { get; init; } = [];

    /// <summary>New bodies for existing comments, by their 1-based position.</summary>
    public IReadOnlyDictionary<int, string> EditComments { get; init; } = new Dictionary<int, string>();

    /// <summary>Sections backlog-jira manages, by heading title: a text sets one, "" removes it.</summary>
    public IReadOnlyDictionary<string, string> ManagedSections { get; init; } = new Dictionary<string, string>();

    /// <summary>Frontmatter keys Backlog.md does not own (e.g. <c>jira_key</c>): a value sets the key, null removes it.</summary>
    public IReadOnlyDictionary<string, string?> ExtraFrontmatter { get; init; } = new Dictionary<string, string?>();
}

/// <summary>A comment to append; <paramref name="Created"/> (<c>YYYY-MM-DD HH:mm</c>, UTC) defaults to the time of the edit.</summary>
public sealed record NewComment(string Body, string? Author = null, string? Created = null);

/// <summary>The CLI's checklist operations as pure functions on the item list (numbers are 1-based, as on the CLI).</summary>
public static class ChecklistEdits
{
    public static IReadOnlyList<ChecklistItem> Add(IReadOnlyList<ChecklistItem> items, string text) =>
        Renumber([.. items, new ChecklistItem(0, text, false)]);

    public static IReadOnlyList<ChecklistItem> Check(IReadOnlyList<ChecklistItem> items, int index) => SetChecked(items, index, true);

    public static IReadOnlyList<ChecklistItem> Uncheck(IReadOnlyList<ChecklistItem> items, int index) => SetChecked(items, index, false);

    public static IReadOnlyList<ChecklistItem> Remove(IReadOnlyList<ChecklistItem> items, int index)
    {
        Require(items, index);
        return Renumber(items.Where(i => i.Index != index).ToList());
    }

    private static IReadOnlyList<ChecklistItem> SetChecked(IReadOnlyList<ChecklistItem> items, int index, bool isChecked)
    {
        Require(items, index);
        return items.Select(i => i.Index == index ? i with { Checked = isChecked } : i).ToList();
    }

    private static void Require(IReadOnlyList<ChecklistItem> items, int index)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (!items.Any(i => i.Index == index))
        {
            throw new TaskEditException(items.Count == 0
                ? $"Acceptance criterion #{index} not found. No acceptance criteria are defined."
                : $"Acceptance criterion #{index} not found. Valid numbers are 1 to {items.Count}.");
        }
    }

    private static IReadOnlyList<ChecklistItem> Renumber(IReadOnlyList<ChecklistItem> items) =>
        items.Select((item, i) => item with { Index = i + 1 }).ToList();
}
