using BacklogJira.Core.Fields;

namespace BacklogJira.Core.Merge;

/// <summary>
/// The outcome of a 3-way merge: a decision per field, and the base the pair will have once every write in it is
/// confirmed. A field that is not written (conflict, held back, not representable) keeps its old base entry, so the
/// next run sees it again instead of silently picking a side.
/// </summary>
public sealed record MergeResult(IReadOnlyList<FieldDecision> Decisions, AgreedBase NewBase)
{
    public IEnumerable<FieldDecision> ToJira => Decisions.Where(d => d.WritesJira);

    public IEnumerable<FieldDecision> ToBacklog => Decisions.Where(d => d.WritesBacklog);

    public IReadOnlySet<string> Unresolved => NewBase.Unresolved;

    public bool IsInSync => Decisions.All(d => d.Action == FieldAction.InSync);
}
