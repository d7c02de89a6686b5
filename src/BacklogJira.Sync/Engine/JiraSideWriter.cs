using BacklogJira.Core.Fields;
using BacklogJira.Core.Merge;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.Fields;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Engine;

/// <summary>Writes a pair's Jira-bound fields through their descriptors: one edit with only the changed fields, then
/// the steps after it (the workflow walk). Returns the fields Jira confirmed; a skipped field (with its warning) is not
/// among them, so nothing is agreed for it and the next run tries again.</summary>
internal sealed class JiraSideWriter(IJiraClient jira, SyncConfig config)
{
    public async Task<IReadOnlyList<string>> WriteAsync(JiraIssue issue, IReadOnlyCollection<FieldDecision> writes, SideValues target,
        ICollection<string> warnings, Func<string, CancellationToken, Task>? beforeHop, CancellationToken cancellationToken)
    {
        var writing = new JiraWriting(jira, config, issue, issue.ProjectKey, target, warnings) { BeforeHop = beforeHop };
        var update = new JiraIssueUpdate();
        var inEdit = new List<string>();
        var after = new List<(string Field, Func<CancellationToken, Task<bool>> Step)>();
        foreach (var decision in writes)
        {
            var write = await SyncFieldCatalog.Find(decision.Field)!.WriteJiraAsync(writing, decision.Value, cancellationToken);
            if (write.Edit is not null)
            {
                update = write.Edit(update);
                inEdit.Add(decision.Field);
            }
            if (write.AfterEdit is not null) after.Add((decision.Field, write.AfterEdit));
        }
        var confirmed = new List<string>();
        if (!update.IsEmpty) await jira.UpdateIssueAsync(issue.Key, update, cancellationToken);
        confirmed.AddRange(inEdit);
        foreach (var (field, step) in after)
        {
            if (await step(cancellationToken)) confirmed.Add(field);
        }
        return confirmed;
    }

    /// <summary>Every field as Jira will hold it after the writes: its value where Jira holds one in canonical form,
    /// else Backlog's (a managed section being written back), with the written values over them.</summary>
    public static SideValues Target(SideValues backlog, SideValues jiraSide, IEnumerable<FieldDecision> writes)
    {
        var target = jiraSide;
        foreach (var field in SyncFieldCatalog.All)
        {
            if (!jiraSide[field].IsKnown) target = target.With(field, SideValue.Of(backlog[field].IsKnown ? backlog[field].Value : field.EmptyValue));
        }
        foreach (var write in writes) target = target.With(SyncFieldCatalog.Find(write.Field)!, SideValue.Of(write.Value));
        return target;
    }
}
