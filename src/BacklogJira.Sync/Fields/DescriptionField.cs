using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Fields;
using BacklogJira.Core.Ports;

namespace BacklogJira.Sync.Fields;

/// <summary>The task's Description section ⇄ the issue description before the managed sections, as canonical Markdown
/// (ADF on Cloud and wiki markup on Data Center are converted by the client; docs/jira-text.md).</summary>
public sealed class DescriptionField : TextField, ISyncField
{
    public override string Name => "description";

    public IReadOnlyList<string> JiraFieldIds => ["description"];

    public SideValue ReadTask(TaskReading reading) => SideValue.Of(reading.Parts.Description);

    public SideValue ReadIssue(IssueReading reading) => SideValue.Of(reading.Sections.Parts.Description);

    public TaskEdit WriteTask(TaskEdit edit, object? value, TaskWriting writing) => edit with { Description = Cast(value) };

    public Task<JiraFieldWrite> WriteJiraAsync(JiraWriting writing, object? value, CancellationToken cancellationToken) =>
        Task.FromResult(DescriptionComposer.Edit(writing));

    public Task<JiraIssueDraft> DraftAsync(JiraWriting writing, JiraIssueDraft draft, object? value, CancellationToken cancellationToken) =>
        Task.FromResult(draft with { Description = DescriptionComposer.Compose(writing.Target) });

    public NewTask ToNewTask(NewTask task, object? value, TaskWriting writing) => task with { Description = Cast(value) is { Length: > 0 } text ? text : null };
}
