using System.Collections.Immutable;

namespace BacklogJira.Core.Fields;

/// <summary>A set whose items are independent of each other (web links, dependencies): changes from both sides are
/// combined item by item (one a side added comes in, one a side removed goes), and on first contact the items of both
/// sides are kept, so adding a different item on each side is never a conflict.</summary>
public abstract class ItemSetField : NameSetField, IFieldSemantics
{
    public bool UnitesWithoutBase => true;

    public override bool TryMergeItems(ImmutableSortedSet<string> baseValue, ImmutableSortedSet<string> backlogValue, ImmutableSortedSet<string> jiraValue,
        out ImmutableSortedSet<string> merged)
    {
        var shared = backlogValue.Where(n => !OneSideOnly(n)).ToHashSet(StringComparer.Ordinal);
        shared.IntersectWith(jiraValue);
        var added = backlogValue.Concat(jiraValue).Where(n => !OneSideOnly(n) && !baseValue.Contains(n));
        merged = SetOf(shared.Concat(added));
        return true;
    }
}
