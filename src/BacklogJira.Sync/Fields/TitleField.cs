using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Fields;
using BacklogJira.Core.Ports;

namespace BacklogJira.Sync.Fields;

/// <summary>The task title ⇄ the issue summary, exactly (no sanitising: titles round-trip). Jira refuses a summary
/// longer than 254 characters or with a line break; such a title stays in Backlog with that reason.</summary>
public sealed class TitleField : TextField, ISyncField
{
    public const int JiraMaxLength = 254;

    public override string Name => "title";

    public IReadOnlyList<string> JiraFieldIds => ["summary"];

    public bool Switchable => false;

    public SideValue ReadTask(TaskReading reading)
    {
        var title = reading.Task.Title;
        if (title.Length > JiraMaxLength) return SideValue.Stuck(title, $"Jira summaries hold at most {JiraMaxLength} characters and this title has {title.Length}; shorten it");
        if (title.Contains('\n', StringComparison.Ordinal) || title.Contains('\r', StringComparison.Ordinal)) return SideValue.Stuck(title, "Jira summaries cannot hold line breaks; put the title on one line");
        return SideValue.Of(title);
    }

    public SideValue ReadIssue(IssueReading reading) => SideValue.Of(reading.Issue.Summary);

    public TaskEdit WriteTask(TaskEdit edit, object? value, TaskWriting writing) => edit with { Title = Cast(value) };

    public Task<JiraFieldWrite> WriteJiraAsync(JiraWriting writing, object? value, CancellationToken cancellationToken) =>
        Task.FromResult(new JiraFieldWrite(update => update with { Summary = Cast(value) }));

    public Task<JiraIssueDraft> DraftAsync(JiraWriting writing, JiraIssueDraft draft, object? value, CancellationToken cancellationToken) =>
        Task.FromResult(draft with { Summary = Cast(value) });

    public NewTask ToNewTask(NewTask task, object? value, TaskWriting writing) => task with { Title = Cast(value) };
}
