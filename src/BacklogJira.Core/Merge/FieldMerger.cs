using BacklogJira.Core.Model;

namespace BacklogJira.Core.Merge;

/// <summary>
/// The per-field 3-way merge (backlog-jira-plugin.md §10.3): base (last agreed) vs Backlog vs Jira, in canonical form.
/// Changed on one side → copy to the other; changed on both to the same value → nothing; changed differently →
/// acceptance criteria try an item-by-item merge, anything else is a conflict on that field only, settled by the
/// strategy. With no base (first sync), equal fields become the base, a field empty on one side only is filled from
/// the other (Jira gives every new issue a default priority; a freshly linked task may have no description), and
/// fields that hold different values are conflicts: a divergence is never frozen silently.
/// </summary>
public static class FieldMerger
{
    /// <param name="baseValue">The last agreed values, or null before the first sync.</param>
    /// <param name="unresolved">Fields whose base is not agreed (left in conflict last time): treated as having no base.</param>
    /// <param name="backlogValue">Backlog's current canonical values.</param>
    /// <param name="jiraValue">Jira's current canonical values.</param>
    /// <param name="strategy">How conflicts are settled.</param>
    /// <param name="prompt">Asked per conflict under <see cref="ConflictStrategy.Prompt"/>; null answers "leave unresolved".</param>
    public static MergeResult Merge(
        SyncFields? baseValue,
        IReadOnlySet<SyncField> unresolved,
        SyncFields backlogValue,
        SyncFields jiraValue,
        ConflictStrategy strategy,
        Func<FieldConflict, ConflictChoice>? prompt = null)
    {
        var decisions = new List<FieldDecision>();
        var backlogTarget = backlogValue;
        var jiraTarget = jiraValue;
        var newBase = baseValue ?? backlogValue;
        var stillUnresolved = new HashSet<SyncField>();

        foreach (var field in Enum.GetValues<SyncField>())
        {
            var fieldBase = baseValue is null || unresolved.Contains(field) ? null : baseValue;
            // On a first sync an empty side has nothing to lose: it counts as unchanged, so the other side's value fills it.
            // A field left unresolved is different: one side may have been emptied on purpose, so it stays a conflict.
            var backlogChanged = fieldBase is null ? baseValue is not null || !backlogValue.IsEmpty(field) : !SyncFields.FieldEquals(field, fieldBase, backlogValue);
            var jiraChanged = fieldBase is null ? baseValue is not null || !jiraValue.IsEmpty(field) : !SyncFields.FieldEquals(field, fieldBase, jiraValue);
            var sidesEqual = SyncFields.FieldEquals(field, backlogValue, jiraValue);

            if (sidesEqual)
            {
                decisions.Add(new FieldDecision(field, FieldAction.InSync, false,
                    backlogChanged && jiraChanged && fieldBase is not null ? "changed the same way on both sides" : "unchanged"));
                newBase = newBase.With(field, backlogValue);
                continue;
            }
            if (backlogChanged && !jiraChanged)
            {
                decisions.Add(new FieldDecision(field, FieldAction.PushToJira, false, baseValue is null ? "empty in Jira" : "changed in Backlog"));
                jiraTarget = jiraTarget.With(field, backlogValue);
                newBase = newBase.With(field, backlogValue);
                continue;
            }
            if (jiraChanged && !backlogChanged)
            {
                decisions.Add(new FieldDecision(field, FieldAction.PullToBacklog, false, baseValue is null ? "empty in Backlog" : "changed in Jira"));
                backlogTarget = backlogTarget.With(field, jiraValue);
                newBase = newBase.With(field, jiraValue);
                continue;
            }
            if (field == SyncField.AcceptanceCriteria && fieldBase is not null
                && CriteriaMerger.Merge(fieldBase.AcceptanceCriteria, backlogValue.AcceptanceCriteria, jiraValue.AcceptanceCriteria) is { } merged)
            {
                var combined = backlogValue with { AcceptanceCriteria = merged };
                decisions.Add(new FieldDecision(field, FieldAction.MergeBoth, false, "changed on both sides, merged item by item"));
                backlogTarget = backlogTarget.With(field, combined);
                jiraTarget = jiraTarget.With(field, combined);
                newBase = newBase.With(field, combined);
                continue;
            }

            var conflict = new FieldConflict(field, fieldBase, backlogValue, jiraValue);
            var choice = strategy switch
            {
                ConflictStrategy.PreferBacklog => ConflictChoice.Backlog,
                ConflictStrategy.PreferJira => ConflictChoice.Jira,
                ConflictStrategy.Prompt => prompt?.Invoke(conflict) ?? ConflictChoice.LeaveUnresolved,
                _ => ConflictChoice.LeaveUnresolved,
            };
            var why = fieldBase is null ? "differs and was never synced" : "changed differently on both sides";
            switch (choice)
            {
                case ConflictChoice.Backlog:
                    decisions.Add(new FieldDecision(field, FieldAction.PushToJira, true, why + "; Backlog's value kept"));
                    jiraTarget = jiraTarget.With(field, backlogValue);
                    newBase = newBase.With(field, backlogValue);
                    break;
                case ConflictChoice.Jira:
                    decisions.Add(new FieldDecision(field, FieldAction.PullToBacklog, true, why + "; Jira's value kept"));
                    backlogTarget = backlogTarget.With(field, jiraValue);
                    newBase = newBase.With(field, jiraValue);
                    break;
                default:
                    decisions.Add(new FieldDecision(field, FieldAction.Conflict, true, why + "; left for you to resolve"));
                    stillUnresolved.Add(field);
                    if (baseValue is not null) newBase = newBase.With(field, baseValue);
                    break;
            }
        }
        return new MergeResult(decisions, backlogTarget, jiraTarget, newBase, stillUnresolved);
    }
}
