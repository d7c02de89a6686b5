using BacklogJira.BacklogMd.Model;
using BacklogJira.Core.Merge;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Engine;

/// <summary>
/// The first agreement of a pair made by <c>create-issue</c> or <c>pull --import</c>: what the other side filled by
/// default (Jira's default priority) comes back; what it could not take (an unmapped user, an unreachable status) is not
/// agreed and waits with its reason, so the pair reads "needs push" with the fix, never a conflict or a silent loss.
/// Task first, then the snapshot. A task made from an issue (<c>pull --import</c>) takes the issue's value wherever they
/// still differ: that is what a new task cannot take at creation (the checks of checklist items), never a change.
/// </summary>
internal static class NewPairBaseline
{
    public static async Task<(PairState State, IReadOnlyList<string> Pulled, IReadOnlyList<FieldWait> Waiting)> SettleAsync(
        IReadOnlyList<Fields.ISyncField> fields, BacklogSideWriter writer, SnapshotStore snapshots, BacklogMdTask task, TaskMapping mapping, PairSides sides, bool madeFromIssue,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var plan = PairPlanner.Plan(fields, SyncMode.Pull, null, sides.Backlog, sides.Jira, ConflictStrategy.Manual, force: madeFromIssue, prompt: null);
        var pulled = plan.ToBacklog.ToList();
        await writer.WriteAsync(task, mapping, pulled, plan.Unresolved.Count > 0, cancellationToken);
        await snapshots.WriteAsync(mapping.TaskId, plan.NewBase, now, cancellationToken);
        var waiting = plan.Decisions
            .Where(d => d.Action is FieldAction.CannotPush or FieldAction.CannotPull or FieldAction.LeftForPush)
            .Select(d => new FieldWait(d.Field, d.Action == FieldAction.CannotPull ? FieldChange.ToBacklog : FieldChange.ToJira, d.Reason))
            .ToList();
        return (PairPlanner.Classify(plan with { Decisions = [.. plan.Decisions.Where(d => !d.WritesBacklog)] }), [.. pulled.Select(d => d.Field)], waiting);
    }
}
