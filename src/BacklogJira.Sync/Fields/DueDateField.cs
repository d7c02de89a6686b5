using System.Globalization;
using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Fields;
using BacklogJira.Core.Ports;

namespace BacklogJira.Sync.Fields;

/// <summary>
/// The task's <c>due_date</c> ⇄ the issue's <c>duedate</c>, a calendar date (<c>YYYY-MM-DD</c>) or none. Backlog.md 1.52
/// keeps the date only and hides a task whose due date is not a real date (docs/reference/backlog-md.md §2.3), so only
/// a valid date is ever written to a task: a Jira value that is not one waits with its reason.
/// </summary>
public sealed class DueDateField : NameField, ISyncField
{
    public override string Name => "dueDate";

    public IReadOnlyList<string> JiraFieldIds => ["duedate"];

    public SideValue ReadTask(TaskReading reading) => Read(reading.Task.DueDate, "the task's due_date");

    public SideValue ReadIssue(IssueReading reading) => Read(reading.Issue.DueDate, "the issue's due date");

    public TaskEdit WriteTask(TaskEdit edit, object? value, TaskWriting writing) => edit with { DueDate = Cast(value) ?? "" };

    public Task<JiraFieldWrite> WriteJiraAsync(JiraWriting writing, object? value, CancellationToken cancellationToken)
    {
        var date = Cast(value);
        return Task.FromResult(new JiraFieldWrite(update => update with { ChangeDueDate = true, DueDate = date }));
    }

    public Task<JiraIssueDraft> DraftAsync(JiraWriting writing, JiraIssueDraft draft, object? value, CancellationToken cancellationToken) =>
        Task.FromResult(draft with { DueDate = Cast(value) });

    public NewTask ToNewTask(NewTask task, object? value, TaskWriting writing) => task with { DueDate = Cast(value) };

    /// <summary>The date part of <paramref name="text"/> (a time after it is dropped, as Backlog.md does), or a value
    /// that stays where it is when it is no date at all.</summary>
    private static SideValue Read(string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text)) return SideValue.Of(null);
        var trimmed = text.Trim();
        var date = trimmed.Length >= 10 ? trimmed[..10] : trimmed;
        return DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) && (trimmed.Length == 10 || !char.IsDigit(trimmed[10]))
            ? SideValue.Of(date)
            : SideValue.Stuck(trimmed, $"{what} \"{trimmed}\" is not a YYYY-MM-DD date; set a valid date");
    }
}
