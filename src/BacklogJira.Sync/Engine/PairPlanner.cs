using BacklogJira.Core.Merge;
using BacklogJira.Core.Model;
using BacklogJira.Sync.Canonical;

namespace BacklogJira.Sync.Engine;

/// <summary>The pure part of a pair's run: merge, then hold back what the mode does not allow.</summary>
public static class PairPlanner
{
    private static readonly SyncField[] Mapped = [SyncField.Status, SyncField.Assignee, SyncField.Priority];

    public static MergeResult Plan(SyncMode mode, SyncFields? baseValue, IReadOnlySet<SyncField> unresolved, SyncFields backlogValue,
        SyncFields jiraValue, ConflictStrategy strategy, bool force, Func<FieldConflict, ConflictChoice>? prompt)
    {
        // A Jira value nothing maps (status, user, priority) cannot be written to Backlog: it counts as unchanged.
        foreach (var field in Mapped)
        {
            if (CanonicalFields.IsUnmapped(jiraValue.Display(field)))
                jiraValue = jiraValue.With(field, baseValue ?? backlogValue);
        }
        var effective = mode switch
        {
            SyncMode.Push => force ? ConflictStrategy.PreferBacklog : ConflictStrategy.Manual,
            SyncMode.Pull => force ? ConflictStrategy.PreferJira : ConflictStrategy.Manual,
            SyncMode.Status => ConflictStrategy.Manual,
            _ => strategy,
        };
        var merged = FieldMerger.Merge(baseValue, unresolved, backlogValue, jiraValue, effective, prompt);
        return mode switch
        {
            SyncMode.Push => HoldBack(merged, baseValue, backlogValue, jiraValue, allowPush: true),
            SyncMode.Pull => HoldBack(merged, baseValue, backlogValue, jiraValue, allowPush: false),
            _ => merged,
        };
    }

    /// <summary>Drops the decisions of the direction this mode does not write; those fields keep their old base, so the
    /// next sync still sees them as changed.</summary>
    private static MergeResult HoldBack(MergeResult merged, SyncFields? baseValue, SyncFields backlogValue, SyncFields jiraValue, bool allowPush)
    {
        var decisions = new List<FieldDecision>();
        var backlogTarget = merged.BacklogTarget;
        var jiraTarget = merged.JiraTarget;
        var newBase = merged.NewBase;
        var unresolved = new HashSet<SyncField>(merged.Unresolved);
        foreach (var decision in merged.Decisions)
        {
            var writesBacklog = decision.Action is FieldAction.PullToBacklog or FieldAction.MergeBoth;
            var writesJira = decision.Action is FieldAction.PushToJira or FieldAction.MergeBoth;
            if (allowPush ? !writesBacklog : !writesJira)
            {
                decisions.Add(decision);
                continue;
            }
            var field = decision.Field;
            backlogTarget = backlogTarget.With(field, backlogValue);
            jiraTarget = jiraTarget.With(field, jiraValue);
            if (baseValue is null) unresolved.Add(field);
            else newBase = newBase.With(field, baseValue);
            decisions.Add(decision with
            {
                Action = allowPush ? FieldAction.LeftForPull : FieldAction.LeftForPush,
                Reason = decision.Reason + (allowPush ? "; left for pull" : "; left for push"),
            });
        }
        return merged with { Decisions = decisions, BacklogTarget = backlogTarget, JiraTarget = jiraTarget, NewBase = newBase, Unresolved = unresolved };
    }
}
