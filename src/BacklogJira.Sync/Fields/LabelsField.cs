using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Fields;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Fields;

/// <summary>
/// Labels, as a set. Jira refuses a label with white space in it or longer than 255 characters (docs/sync.md,
/// "Labels"), so such a label belongs to Backlog only: it is never sent (one bad label never blocks the task's other
/// fields), never compared, and never removed by a pull; a warning names it whenever labels are sent.
/// </summary>
public sealed class LabelsField : NameSetField, ISyncField
{
    public const int JiraMaxLength = 255;

    public override string Name => "labels";

    public IReadOnlyList<string> JiraFieldIds => ["labels"];

    public override bool OneSideOnly(string name) => name.Length > JiraMaxLength || name.Any(char.IsWhiteSpace);

    public SideValue ReadTask(TaskReading reading) => SideValue.Of(SetOf(reading.Task.Labels.Where(l => !RuleOwned(reading.Config, l))));

    public SideValue ReadIssue(IssueReading reading) => SideValue.Of(SetOf(reading.Issue.Labels.Where(l => !RuleOwned(reading.Config, l))));

    /// <summary>The task keeps what Jira cannot hold and the labels a custom-field rule keeps its value in.</summary>
    public TaskEdit WriteTask(TaskEdit edit, object? value, TaskWriting writing) =>
        edit with { Labels = [.. Cast(value).Union(SetOf(edit.Labels ?? writing.Task.Labels).Where(l => OneSideOnly(l) || RuleOwned(writing.Config, l)))] };

    public Task<JiraFieldWrite> WriteJiraAsync(JiraWriting writing, object? value, CancellationToken cancellationToken)
    {
        // A Jira label that looks like a rule's (sp:5) is not ours to remove.
        var kept = (writing.Issue?.Labels ?? []).Where(l => RuleOwned(writing.Config, l));
        var labels = ForJira(writing, Cast(value)).Union(kept, StringComparer.Ordinal).ToList();
        return Task.FromResult(new JiraFieldWrite(update => update with { Labels = labels }));
    }

    /// <summary>True for a label a custom-field rule keeps its value in (<c>label:sp:</c> owns <c>sp:5</c>): that rule
    /// syncs it, with its own Jira field, so it never travels as a label (docs/field-mapping.md).</summary>
    private static bool RuleOwned(SyncConfig config, string label) =>
        config.CustomFieldRules.Any(r => r.Place is CustomFields.TaskPlace.Label place && place.Owns(label));

    public Task<JiraIssueDraft> DraftAsync(JiraWriting writing, JiraIssueDraft draft, object? value, CancellationToken cancellationToken) =>
        Task.FromResult(draft with { Labels = ForJira(writing, Cast(value)) });

    public NewTask ToNewTask(NewTask task, object? value, TaskWriting writing) => task with { Labels = [.. Cast(value)] };

    private List<string> ForJira(JiraWriting writing, IEnumerable<string> labels)
    {
        var kept = labels.Where(OneSideOnly).ToList();
        if (kept.Count > 0)
            writing.Warnings.Add($"{writing.IssueName}: label(s) {string.Join(", ", kept.Select(l => $"\"{l}\""))} stay in Backlog only: Jira labels cannot contain spaces or exceed {JiraMaxLength} characters (use e.g. \"{kept[0].Trim().Replace(' ', '-')}\" to share it).");
        return [.. labels.Where(l => !OneSideOnly(l))];
    }
}
