using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Fields;
using BacklogJira.Core.Ports;

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

    public SideValue ReadTask(TaskReading reading) => SideValue.Of(SetOf(reading.Task.Labels));

    public SideValue ReadIssue(IssueReading reading) => SideValue.Of(SetOf(reading.Issue.Labels));

    public TaskEdit WriteTask(TaskEdit edit, object? value, TaskWriting writing) =>
        edit with { Labels = [.. Cast(value).Union(SetOf(writing.Task.Labels).Where(OneSideOnly))] };

    public Task<JiraFieldWrite> WriteJiraAsync(JiraWriting writing, object? value, CancellationToken cancellationToken)
    {
        var labels = ForJira(writing, Cast(value));
        return Task.FromResult(new JiraFieldWrite(update => update with { Labels = labels }));
    }

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
