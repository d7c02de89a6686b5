using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Fields;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.Fields;

namespace BacklogJira.Sync.CustomFields;

/// <summary>A rule whose Jira field holds one value (a number, a date, an option, a user…): a descriptor like the
/// built-in ones (docs/field-mapping.md). Several values in the task's place are not represented in Jira and wait.</summary>
public sealed class CustomValueField : NameField, IRuleField
{
    private readonly CustomRuleValues _values;

    public CustomValueField(CustomFieldBinding binding)
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

    public SideValue ReadTask(TaskReading reading) => ToSide(_values.ReadTask(reading), "the task");

    public SideValue ReadIssue(IssueReading reading) => ToSide(_values.ReadIssue(reading), reading.Issue.Key);

    public TaskEdit WriteTask(TaskEdit edit, object? value, TaskWriting writing) => _values.WriteTask(edit, Items(value), writing);

    public async Task<JiraFieldWrite> WriteJiraAsync(JiraWriting writing, object? value, CancellationToken cancellationToken) =>
        await _values.ToJiraAsync(writing, Items(value), cancellationToken) is { } jira ? new JiraFieldWrite(update => _values.Set(update, jira)) : JiraFieldWrite.Skipped;

    public async Task<JiraIssueDraft> DraftAsync(JiraWriting writing, JiraIssueDraft draft, object? value, CancellationToken cancellationToken) =>
        Items(value).Count > 0 && await _values.ToJiraAsync(writing, Items(value), cancellationToken) is { } jira ? _values.Set(draft, jira) : draft;

    public NewTask ToNewTask(NewTask task, object? value, TaskWriting writing) => _values.ToNewTask(task, Items(value), writing);

    private IReadOnlyList<string> Items(object? value) => Cast(value) is { } one ? [one] : [];

    private SideValue ToSide(CustomRuleValues.Read read, string holder)
    {
        if (!read.Held) return SideValue.Missing(read.Reason!);
        if (read.Values is { } values)
        {
            return values.Count switch
            {
                0 => SideValue.Of(null),
                1 => SideValue.Of(values[0]),
                _ => SideValue.Foreign(string.Join(", ", values), $"{holder} holds {values.Count} values for {Binding.Field.Name}, which holds one; keep one"),
            };
        }
        return read.Raw is [var single] ? SideValue.Stuck(single, read.Reason!) : SideValue.Foreign(read.Shown ?? string.Join(", ", read.Raw ?? []), read.Reason!);
    }
}
