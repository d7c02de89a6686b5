using BacklogJira.Core.Merge;
using BacklogJira.Core.Model;

namespace BacklogJira.Sync.Engine;

/// <summary>What happened (or, in a dry run, would happen) to one task ⇄ issue pair.</summary>
public sealed record PairOutcome
{
    public required string TaskId { get; init; }
    public string? JiraKey { get; init; }
    public PairState State { get; init; }
    public IReadOnlyList<FieldDecision> Decisions { get; init; } = [];
    public IReadOnlyList<SyncField> Pushed { get; init; } = [];
    public IReadOnlyList<SyncField> Pulled { get; init; } = [];
    public IReadOnlyList<SyncField> Conflicts { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];
    public string? Error { get; init; }

    /// <summary>The values before and after, for the dry-run plan: field → (backlog, jira, target).</summary>
    public IReadOnlyList<FieldChange> Changes { get; init; } = [];

    public bool Failed => Error is not null;
}

/// <summary>One planned write: a field, its direction, the old value on the written side and the new one.</summary>
public sealed record FieldChange(SyncField Field, string Direction, string OldValue, string NewValue)
{
    public const string ToJira = "to Jira";
    public const string ToBacklog = "to Backlog";
}
