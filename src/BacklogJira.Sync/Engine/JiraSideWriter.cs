using BacklogJira.Core.Fields;
using BacklogJira.Core.Merge;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.Fields;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Engine;

/// <summary>Writes a pair's Jira-bound fields through their descriptors: one edit with only the changed fields, then
/// the steps after it (the workflow walk). Returns the fields Jira confirmed; a skipped field (with its warning) is not
/// among them, so nothing is agreed for it and the next run tries again. When Jira refuses the edit naming fields
/// (one not on the edit screen, a value it does not allow), the edit is sent once more without them: one field Jira
/// will not take never holds back the others (docs/sync.md, "Writing to Jira").</summary>
internal sealed class JiraSideWriter(IJiraClient jira, SyncConfig config)
{
    public async Task<IReadOnlyList<string>> WriteAsync(JiraIssue issue, IReadOnlyCollection<FieldDecision> writes, SideValues target,
        ICollection<string> warnings, Func<string, CancellationToken, Task>? beforeHop, CancellationToken cancellationToken)
    {
        var writing = new JiraWriting(jira, config, issue, issue.ProjectKey, target, warnings) { BeforeHop = beforeHop };
        var inEdit = new List<(string Field, Func<JiraIssueUpdate, JiraIssueUpdate> Edit)>();
        var after = new List<(string Field, Func<CancellationToken, Task<bool>> Step)>();
        foreach (var decision in writes)
        {
            var write = await config.Field(decision.Field)!.WriteJiraAsync(writing, decision.Value, cancellationToken);
            if (write.Edit is not null) inEdit.Add((decision.Field, write.Edit));
            if (write.AfterEdit is not null) after.Add((decision.Field, write.AfterEdit));
        }
        var refused = await EditAsync(issue, inEdit, warnings, cancellationToken);
        var confirmed = new List<string>(inEdit.Select(e => e.Field).Where(f => !refused.Contains(f)));
        foreach (var (field, step) in after)
        {
            if (await step(cancellationToken)) confirmed.Add(field);
        }
        return confirmed;
    }

    /// <summary>The one edit; on a refusal that names fields, once more without the fields it named. Returns them.</summary>
    private async Task<HashSet<string>> EditAsync(JiraIssue issue, List<(string Field, Func<JiraIssueUpdate, JiraIssueUpdate> Edit)> edits,
        ICollection<string> warnings, CancellationToken cancellationToken)
    {
        var refused = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 0; ; attempt++)
        {
            var update = edits.Where(e => !refused.Contains(e.Field)).Aggregate(new JiraIssueUpdate(), (u, e) => e.Edit(u));
            if (update.IsEmpty) return refused;
            var refusal = await jira.TryUpdateIssueAsync(issue.Key, update, cancellationToken);
            if (refusal is null) return refused;
            var named = edits.Select(e => e.Field)
                .Where(f => !refused.Contains(f) && config.Field(f)!.JiraFieldIds.Intersect(refusal.Fields, StringComparer.OrdinalIgnoreCase).Any()).ToList();
            if (named.Count == 0 || attempt > 0) throw new JiraEditRefusedException($"Jira refused the edit of {issue.Key}: {refusal.Message}");
            refused.UnionWith(named);
            warnings.Add($"{issue.Key}: Jira refused {string.Join(", ", named)} ({refusal.Message}); the other fields were written, and {(named.Count == 1 ? "it waits" : "they wait")} until that is fixed in Jira (the field on the edit screen, or a value it allows).");
        }
    }

    /// <summary>Every field as Jira will hold it after the writes: its value where Jira holds one in canonical form,
    /// else Backlog's (a managed section being written back), with the written values over them.</summary>
    public static SideValues Target(IReadOnlyList<ISyncField> fields, SideValues backlog, SideValues jiraSide, IEnumerable<FieldDecision> writes)
    {
        var target = jiraSide;
        foreach (var field in fields)
        {
            if (!jiraSide[field].IsKnown) target = target.With(field, SideValue.Of(backlog[field].IsKnown ? backlog[field].Value : field.EmptyValue));
        }
        foreach (var write in writes) target = target.With(fields.First(f => f.Name == write.Field), SideValue.Of(write.Value));
        return target;
    }
}
