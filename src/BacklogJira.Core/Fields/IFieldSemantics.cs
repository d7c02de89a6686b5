using System.Text.Json.Nodes;

namespace BacklogJira.Core.Fields;

/// <summary>
/// The pure half of a field descriptor: how canonical values of one field are compared, shown, merged item by item
/// and stored in a snapshot. The merge iterates over these and knows no field by name (docs/sync.md, "Field descriptors").
/// </summary>
public interface IFieldSemantics
{
    /// <summary>The field's name in plans, reports, JSON output, the ops log and snapshots (e.g. <c>acceptanceCriteria</c>).</summary>
    string Name { get; }

    /// <summary>Which way the field travels; both ways unless a custom-field rule says otherwise.</summary>
    SyncDirection Direction => SyncDirection.Both;

    /// <summary>The value that means "nothing" (no text, no items, no assignee).</summary>
    object? EmptyValue { get; }

    /// <summary>True when both values mean the same on both sides (it may compare only what both sides can hold:
    /// Jira's one assignee, the labels Jira accepts).</summary>
    bool Same(object? left, object? right);

    bool IsEmpty(object? value);

    string Display(object? value);

    /// <summary>Combines changes made on both sides item by item; null when they cannot be combined safely (or the
    /// field has no items).</summary>
    object? MergeItems(object? baseValue, object? backlogValue, object? jiraValue);

    /// <summary>True for a set whose items are independent (web links): on first contact, with nothing agreed, both
    /// sides' items are kept (<see cref="MergeItems"/> from an empty base) instead of a conflict.</summary>
    bool UnitesWithoutBase => false;

    /// <summary>True for a field whose items need the base to be told apart (a comment deleted on one side): once
    /// agreed, any difference goes through <see cref="MergeItems"/>, and only the sides the merge changes are written.</summary>
    bool MergesEveryChange => false;

    /// <summary>For a <see cref="MergesEveryChange"/> field whose conflict a strategy settled: the item-by-item merge with
    /// every conflicting item taken from the winning side, so what only the other side added is still kept.</summary>
    object? MergeItemsPreferring(object? baseValue, object? backlogValue, object? jiraValue, bool backlogWins) => null;

    JsonNode? ToJson(object? value);

    object? FromJson(JsonNode? node);
}
