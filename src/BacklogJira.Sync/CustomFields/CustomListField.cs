using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Fields;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.Fields;

namespace BacklogJira.Sync.CustomFields;

/// <summary>A rule whose Jira field holds a set (multi-select, checkboxes, labels, users, versions, components): a
/// descriptor like the built-in labels (docs/field-mapping.md).</summary>
public sealed class CustomListField : NameSetField, IRuleField
{
    private readonly CustomRuleValues _values;

    public CustomListField(CustomFieldBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        Binding = binding;
        _values = new CustomRuleValues(binding);
    }

    public CustomFieldBinding Binding { get; }

    public override string Name => Binding.Rule.Name;

    public SyncDirection Direction => Binding.Rule.Direction;

    public IReadOnlyList<string> JiraFieldIds => _values.JiraFieldIds;

    public bool WritesMilestone => _values.WritesMilestone;

    public override bool OneSideOnly(string name) => false;

    public SideValue ReadTask(TaskReading reading) => ToSide(_values.ReadTask(reading));

    public SideValue ReadIssue(IssueReading reading) => ToSide(_values.ReadIssue(reading));

    public TaskEdit WriteTask(TaskEdit edit, object? value, TaskWriting writing) => _values.WriteTask(edit, [.. Cast(value)], writing);

    public async Task<JiraFieldWrite> WriteJiraAsync(JiraWriting writing, object? value, CancellationToken cancellationToken) =>
        await _values.ToJiraAsync(writing, [.. Cast(value)], cancellationToken) is { } jira ? new JiraFieldWrite(update => _values.Set(update, jira)) : JiraFieldWrite.Skipped;

    public async Task<JiraIssueDraft> DraftAsync(JiraWriting writing, JiraIssueDraft draft, object? value, CancellationToken cancellationToken) =>
        Cast(value).Count > 0 && await _values.ToJiraAsync(writing, [.. Cast(value)], cancellationToken) is { } jira ? _values.Set(draft, jira) : draft;

    public NewTask ToNewTask(NewTask task, object? value, TaskWriting writing) => _values.ToNewTask(task, [.. Cast(value)], writing);

    private static SideValue ToSide(CustomRuleValues.Read read)
    {
        if (!read.Held) return SideValue.Missing(read.Reason!);
        if (read.Values is { } values) return SideValue.Of(SetOf(values));
        return read.Raw is { } raw ? SideValue.Stuck(SetOf(raw), read.Reason!) : SideValue.Foreign(read.Shown ?? "", read.Reason!);
    }
}
