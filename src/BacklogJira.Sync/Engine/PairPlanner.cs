using BacklogJira.Core.Fields;
using BacklogJira.Core.Merge;
using BacklogJira.Sync.Fields;

namespace BacklogJira.Sync.Engine;

/// <summary>The pure part of a pair's run: merge every descriptor, then hold back what the mode does not allow.</summary>
public static class PairPlanner
{
    public static MergeResult Plan(IReadOnlyList<ISyncField> fields, SyncMode mode, AgreedBase? agreed, SideValues backlog, SideValues jira,
        ConflictStrategy strategy, bool force, Func<FieldConflict, ConflictChoice>? prompt, string pair = "")
    {
        var effective = mode switch
        {
            SyncMode.Push => force ? ConflictStrategy.PreferBacklog : ConflictStrategy.Manual,
            SyncMode.Pull => force ? ConflictStrategy.PreferJira : ConflictStrategy.Manual,
            SyncMode.Status => ConflictStrategy.Manual,
            _ => strategy,
        };
        var merged = FieldMerger.Merge(fields, agreed, backlog, jira, effective, prompt, pair);
        return mode switch
        {
            SyncMode.Push => HoldBack(fields, merged, agreed, allowPush: true),
            SyncMode.Pull => HoldBack(fields, merged, agreed, allowPush: false),
            _ => merged,
        };
    }

    /// <summary>Drops the writes of the direction this mode does not make; those fields keep their old base entry (or
    /// none), so the next run still sees them.</summary>
    private static MergeResult HoldBack(IReadOnlyList<ISyncField> fields, MergeResult merged, AgreedBase? agreed, bool allowPush)
    {
        var decisions = new List<FieldDecision>();
        var newBase = merged.NewBase;
        foreach (var decision in merged.Decisions)
        {
            if (allowPush ? !decision.WritesBacklog : !decision.WritesJira)
            {
                decisions.Add(decision);
                continue;
            }
            newBase = newBase.WithEntryOf(fields.First(f => f.Name == decision.Field), agreed);
            decisions.Add(decision with
            {
                Action = allowPush ? FieldAction.LeftForPull : FieldAction.LeftForPush,
                Reason = decision.Reason + (allowPush ? "; left for pull" : "; left for push"),
            });
        }
        return merged with { Decisions = decisions, NewBase = newBase };
    }

    public static PairState Classify(MergeResult plan)
    {
        if (plan.Unresolved.Count > 0) return PairState.Conflict;
        var push = plan.Decisions.Any(d => d.WaitsForPush);
        var pull = plan.Decisions.Any(d => d.WaitsForPull);
        return (push, pull) switch
        {
            (true, true) => PairState.NeedsBoth,
            (true, false) => PairState.NeedsPush,
            (false, true) => PairState.NeedsPull,
            _ => PairState.InSync,
        };
    }
}
