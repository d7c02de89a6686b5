using BacklogJira.Core.Merge;

namespace BacklogJira.Sync.Engine;

/// <summary>What happened (or, in a dry run, would happen) to one task ⇄ issue pair. Fields are named as the
/// descriptors name them (<c>title</c>, <c>acceptanceCriteria</c>, …).</summary>
public sealed record PairOutcome
{
    public required string TaskId { get; init; }
    public string? JiraKey { get; init; }
    public PairState State { get; init; }
    public IReadOnlyList<FieldDecision> Decisions { get; init; } = [];
    public IReadOnlyList<string> Pushed { get; init; } = [];
    public IReadOnlyList<string> Pulled { get; init; } = [];
    public IReadOnlyList<string> Conflicts { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];
    public string? Error { get; init; }

    /// <summary>A key change Jira made (the issue moved to another project): the old key, now followed by <see cref="JiraKey"/>.</summary>
    public string? MovedFrom { get; init; }

    /// <summary>The values before and after, for the dry-run plan.</summary>
    public IReadOnlyList<FieldChange> Changes { get; init; } = [];

    /// <summary>Writes that cannot happen until the user fixes something (an unmapped user, a status with no mapping).</summary>
    public IReadOnlyList<FieldWait> Waiting { get; init; } = [];

    /// <summary>Every field as each side holds it, for <c>view --with-jira</c>.</summary>
    public IReadOnlyList<FieldView> Fields { get; init; } = [];

    public bool Failed => Error is not null;

    /// <summary>Something was written, left in conflict or failed: worth a line in a long-running command's output.</summary>
    public bool Changed => Pushed.Count + Pulled.Count + Conflicts.Count > 0 || Failed;

    /// <summary>One line for <c>watch</c> and <c>serve</c>: <c>TASK-1 ⇄ DEMO-1: pushed title; conflict on status</c>.</summary>
    public string ChangeLine()
    {
        var parts = new List<string>();
        if (Pushed.Count > 0) parts.Add("pushed " + string.Join(", ", Pushed));
        if (Pulled.Count > 0) parts.Add("pulled " + string.Join(", ", Pulled));
        if (Conflicts.Count > 0) parts.Add("conflict on " + string.Join(", ", Conflicts));
        if (Error is { } error) parts.Add("failed: " + error);
        return $"{TaskId} ⇄ {JiraKey}: {string.Join("; ", parts)}";
    }
}

/// <summary>One planned write: a field, its direction, the old value on the written side and the new one.</summary>
public sealed record FieldChange(string Field, string Direction, string OldValue, string NewValue)
{
    public const string ToJira = "to Jira";
    public const string ToBacklog = "to Backlog";
}

/// <summary>A write that waits: the field, its direction, and why it cannot happen (with the fix).</summary>
public sealed record FieldWait(string Field, string Direction, string Reason);

/// <summary>A field as Backlog and Jira hold it, and what the merge makes of it.</summary>
public sealed record FieldView(string Field, string Backlog, string Jira, FieldDecision Decision)
{
    /// <summary>The last agreed value as shown; null when the field was never agreed (a fresh pair, a value one side
    /// could not take).</summary>
    public string? Agreed { get; init; }
}
