using BacklogJira.BacklogMd.Model;
using BacklogJira.Core.Merge;
using BacklogJira.Core.Model;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Engine;

/// <summary>
/// The first agreement of a pair made by <c>create-issue</c> or <c>pull --import</c>: what the other side filled by
/// default (Jira's default priority) comes back, what it could not take (an unmapped user, an unreachable status, a
/// status the Backlog project lacks) stays unresolved instead of being agreed. Task first, then the snapshot.
/// </summary>
internal static class NewPairBaseline
{
    public static async Task<(IReadOnlyList<SyncField> Pulled, IReadOnlySet<SyncField> Unresolved)> SettleAsync(
        BacklogSideWriter writer, SnapshotStore snapshots, BacklogMdTask task, TaskMapping mapping, SyncFields backlogValue, SyncFields jiraValue,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var merged = PairPlanner.Plan(SyncMode.Sync, null, new HashSet<SyncField>(), backlogValue, jiraValue, ConflictStrategy.Manual, force: false, prompt: null);
        var pulled = merged.FieldsToWriteToBacklog.ToList();
        var unresolved = merged.Unresolved.Concat(merged.FieldsToWriteToJira).ToHashSet();
        await writer.WriteAsync(task, mapping, pulled, merged.BacklogTarget, unresolved.Count > 0, cancellationToken);
        await snapshots.WriteAsync(mapping.TaskId, new SyncBase(merged.NewBase, unresolved), now, cancellationToken);
        return (pulled, unresolved);
    }
}
