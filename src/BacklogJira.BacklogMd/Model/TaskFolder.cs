namespace BacklogJira.BacklogMd.Model;

/// <summary>Where a task file lives; the CLI treats each folder differently (docs/reference/backlog-md.md §1.2, §1.6).</summary>
public enum TaskFolder
{
    Tasks,
    Drafts,
    Completed,
    Archived,
}
