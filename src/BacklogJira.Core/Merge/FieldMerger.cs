using BacklogJira.Core.Fields;

namespace BacklogJira.Core.Merge;

/// <summary>
/// The per-field 3-way merge (docs/sync.md, "The merge, per field"), over field descriptors, knowing no field by name.
/// <list type="bullet">
/// <item>Changed on one side → copied to the other; changed on both to the same value → nothing; changed differently →
/// an item-by-item merge where the field has items, else a conflict on that field only, settled by the strategy.</item>
/// <item>First contact (no agreed base for the field): a field empty on one side takes the other side's value, whatever
/// the strategy; different non-empty values are a conflict.</item>
/// <item>A side that does not hold the field (<see cref="Presence.Missing"/>) counts as unchanged and is written back
/// from the other side; a foreign value counts as changed and is never copied; a value the other side cannot hold
/// waits with its reason. None of them is ever agreed: the base keeps its old entry.</item>
/// </list>
/// </summary>
public static class FieldMerger
{
    public static MergeResult Merge(
        IReadOnlyList<IFieldSemantics> fields,
        AgreedBase? agreed,
        SideValues backlog,
        SideValues jira,
        ConflictStrategy strategy,
        Func<FieldConflict, ConflictChoice>? prompt = null,
        string pair = "")
    {
        var previous = agreed ?? AgreedBase.Empty;
        var newBase = previous with { Unresolved = [] };
        var decisions = new List<FieldDecision>(fields.Count);
        foreach (var field in fields)
        {
            var hasBase = previous.TryGet(field, out var baseValue);
            var decision = Decide(field, hasBase, baseValue, backlog[field], jira[field], strategy, prompt, pair);
            decisions.Add(decision);
            switch (decision.Action)
            {
                case FieldAction.InSync when backlog[field].IsKnown && jira[field].IsKnown:
                case FieldAction.PushToJira or FieldAction.PullToBacklog or FieldAction.MergeBoth:
                    newBase = newBase.With(field, decision.Value);
                    break;
                case FieldAction.Conflict:
                    newBase = newBase with { Unresolved = newBase.Unresolved.Add(field.Name) };
                    break;
            }
        }
        return new MergeResult(decisions, newBase);
    }

    private static FieldDecision Decide(IFieldSemantics field, bool hasBase, object? baseValue, SideValue backlog, SideValue jira,
        ConflictStrategy strategy, Func<FieldConflict, ConflictChoice>? prompt, string pair)
    {
        var name = field.Name;
        if (field.Direction != SyncDirection.Both) return OneWay(field, backlog, jira);

        // A side that does not hold the field has nothing to lose and deleted nothing: restore it from the other side.
        if (backlog.Presence == Presence.Missing || jira.Presence == Presence.Missing)
        {
            if (backlog.Presence == jira.Presence) return new(name, FieldAction.InSync, false, "held by neither side");
            var (holder, toJira) = jira.Presence == Presence.Missing ? (backlog, true) : (jira, false);
            var why = (toJira ? jira.Reason : backlog.Reason) ?? "not held";
            if (!holder.IsKnown || field.IsEmpty(holder.Value)) return new(name, FieldAction.InSync, false, why + "; nothing to write back");
            return Copy(name, toJira, holder, why + "; written back", false);
        }

        if (backlog.IsKnown && jira.IsKnown && field.Same(backlog.Value, jira.Value))
        {
            var bothMoved = hasBase && !field.Same(baseValue, backlog.Value);
            return new(name, FieldAction.InSync, false, bothMoved ? "changed the same way on both sides" : "unchanged", backlog.Value);
        }

        if (field.MergesEveryChange && hasBase && backlog.IsKnown && jira.IsKnown)
        {
            var wasConflict = false;
            var why = "";
            if (field.MergeItems(baseValue, backlog.Value, jira.Value) is not { } combined)
            {
                // The strategy picks the side of the items changed differently on both; every other item still merges.
                var settled = Settle(field, true, baseValue, backlog, jira, "changed differently on both sides", strategy, prompt, pair);
                if (settled.Action is not (FieldAction.PushToJira or FieldAction.PullToBacklog)) return settled;
                combined = field.MergeItemsPreferring(baseValue, backlog.Value, jira.Value, settled.Action == FieldAction.PushToJira);
                if (combined is null) return settled;
                (wasConflict, why) = (true, "; " + settled.Reason);
            }
            var (toJira, toBacklog) = (!field.Same(combined, jira.Value), !field.Same(combined, backlog.Value));
            if (toJira && toBacklog) return new(name, FieldAction.MergeBoth, wasConflict, "changed on both sides, merged item by item" + why, combined);
            if (toJira) return new(name, FieldAction.PushToJira, wasConflict, "changed in Backlog" + why, combined);
            if (toBacklog) return new(name, FieldAction.PullToBacklog, wasConflict, "changed in Jira" + why, combined);
            return new(name, FieldAction.InSync, wasConflict, "deleted on one side, kept on the other" + why, combined);
        }

        var backlogEmpty = backlog.IsKnown && field.IsEmpty(backlog.Value);
        var jiraEmpty = jira.IsKnown && field.IsEmpty(jira.Value);
        if (!hasBase)
        {
            // First contact: an empty side takes the other's value, whatever the strategy; no value is replaced by nothing.
            if (backlogEmpty) return Copy(name, false, jira, "empty in Backlog", false);
            if (jiraEmpty) return Copy(name, true, backlog, "empty in Jira", false);
            if (field.UnitesWithoutBase && backlog.IsKnown && jira.IsKnown && field.MergeItems(field.EmptyValue, backlog.Value, jira.Value) is { } united)
                return new(name, FieldAction.MergeBoth, false, "never agreed; the items of both sides kept", united);
            return Settle(field, false, null, backlog, jira, "differs and was never agreed", strategy, prompt, pair);
        }

        var backlogChanged = !backlog.IsKnown || !field.Same(baseValue, backlog.Value);
        var jiraChanged = !jira.IsKnown || !field.Same(baseValue, jira.Value);
        if (backlogChanged && !jiraChanged) return Copy(name, true, backlog, "changed in Backlog", false);
        if (jiraChanged && !backlogChanged) return Copy(name, false, jira, "changed in Jira", false);
        if (backlog.IsKnown && jira.IsKnown && field.MergeItems(baseValue, backlog.Value, jira.Value) is { } merged)
            return new(name, FieldAction.MergeBoth, false, "changed on both sides, merged item by item", merged);
        return Settle(field, true, baseValue, backlog, jira, "changed differently on both sides", strategy, prompt, pair);
    }

    /// <summary>A field with one source side: the other side takes the source's value whenever they differ, and is never
    /// read back; nothing the source does not hold is written (absence is not deletion).</summary>
    private static FieldDecision OneWay(IFieldSemantics field, SideValue backlog, SideValue jira)
    {
        var toJira = field.Direction == SyncDirection.ToJira;
        var (source, target) = toJira ? (backlog, jira) : (jira, backlog);
        var sourceName = toJira ? "Backlog" : "Jira";
        if (!source.IsKnown) return new(field.Name, FieldAction.InSync, false, $"{sourceName} does not hold it ({source.Reason ?? "not held"}); nothing to write", null);
        if (target.IsKnown && field.Same(source.Value, target.Value)) return new(field.Name, FieldAction.InSync, false, "unchanged", source.Value);
        return Copy(field.Name, toJira, source, $"{sourceName} is this field's source (direction {(toJira ? "toJira" : "toBacklog")})", false);
    }

    private static FieldDecision Settle(IFieldSemantics field, bool hasBase, object? baseValue, SideValue backlog, SideValue jira, string why,
        ConflictStrategy strategy, Func<FieldConflict, ConflictChoice>? prompt, string pair)
    {
        var choice = strategy switch
        {
            ConflictStrategy.PreferBacklog => ConflictChoice.Backlog,
            ConflictStrategy.PreferJira => ConflictChoice.Jira,
            ConflictStrategy.Prompt => prompt?.Invoke(new FieldConflict(pair, field, hasBase, baseValue, backlog, jira)) ?? ConflictChoice.LeaveUnresolved,
            _ => ConflictChoice.LeaveUnresolved,
        };
        return choice switch
        {
            ConflictChoice.Backlog => Copy(field.Name, true, backlog, why + "; Backlog's value kept" + Clears(field, backlog, jira), true),
            ConflictChoice.Jira => Copy(field.Name, false, jira, why + "; Jira's value kept" + Clears(field, jira, backlog), true),
            _ => new(field.Name, FieldAction.Conflict, true, why + "; left for you to settle"),
        };
    }

    /// <summary>A write of <paramref name="source"/>'s value to the other side, unless that side cannot hold it.</summary>
    private static FieldDecision Copy(string name, bool toJira, SideValue source, string why, bool wasConflict)
    {
        if (!source.CanCross)
            return new(name, toJira ? FieldAction.CannotPush : FieldAction.CannotPull, wasConflict, why + "; " + (source.Reason ?? "not representable"), source.Value);
        return new(name, toJira ? FieldAction.PushToJira : FieldAction.PullToBacklog, wasConflict, why, source.Value);
    }

    /// <summary>Says so in the plan when the kept value empties a field the other side had filled.</summary>
    private static string Clears(IFieldSemantics field, SideValue kept, SideValue other) =>
        kept.IsKnown && field.IsEmpty(kept.Value) && other.IsKnown && !field.IsEmpty(other.Value) ? " (this clears the field)" : "";
}
