using BacklogJira.Core.Model;

namespace BacklogJira.Core.Merge;

/// <summary>
/// The outcome of a 3-way merge: what each side must become, and the new base. Fields left in conflict keep their
/// current value on both sides and stay in <see cref="Unresolved"/>, so the next sync sees them again instead of
/// silently picking a side.
/// </summary>
public sealed record MergeResult(
    IReadOnlyList<FieldDecision> Decisions,
    SyncFields BacklogTarget,
    SyncFields JiraTarget,
    SyncFields NewBase,
    IReadOnlySet<SyncField> Unresolved)
{
    public IEnumerable<SyncField> FieldsToWriteToBacklog =>
        Decisions.Where(d => d.Action is FieldAction.PullToBacklog or FieldAction.MergeBoth).Select(d => d.Field);

    public IEnumerable<SyncField> FieldsToWriteToJira =>
        Decisions.Where(d => d.Action is FieldAction.PushToJira or FieldAction.MergeBoth).Select(d => d.Field);

    public bool IsInSync => Decisions.All(d => d.Action == FieldAction.InSync);
}
