using BacklogJira.BacklogMd.Config;
using BacklogJira.BacklogMd.Milestones;
using BacklogJira.BacklogMd.Model;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Fields;

/// <summary>What a descriptor needs to write to a task: the config, the Backlog.md project's config (its configured
/// spellings of types and statuses), and the task as read (null while a new task is made).</summary>
public sealed record TaskWriting(SyncConfig Config, BacklogMdConfig Project, BacklogMdTask? Current)
{
    /// <summary>The project's milestones, to store a milestone by its id as the CLI does.</summary>
    public MilestoneCatalog Milestones { get; init; } = MilestoneCatalog.Empty;

    /// <summary>The task being edited; only edits have one.</summary>
    public BacklogMdTask Task => Current ?? throw new InvalidOperationException("A new task has no current version.");
}
