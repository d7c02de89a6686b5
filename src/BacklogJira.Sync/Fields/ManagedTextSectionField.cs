using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Fields;
using BacklogJira.Core.Mapping;
using BacklogJira.Core.Ports;

namespace BacklogJira.Sync.Fields;

/// <summary>A text section of the task (implementation plan, notes) ⇄ a managed section of the issue description. A
/// description without that section does not hold it: it is kept in the task and written back.</summary>
public abstract class ManagedTextSectionField : TextField, ISyncField
{
    public IReadOnlyList<string> JiraFieldIds => ["description"];

    /// <summary>The section's managed heading in the Jira description.</summary>
    protected abstract string Heading { get; }

    protected abstract string FromParts(DescriptionParts parts);

    protected abstract bool HeldIn(ManagedParts sections);


    protected abstract TaskEdit Into(TaskEdit edit, string text);

    protected abstract NewTask Into(NewTask task, string? text);

    public SideValue ReadTask(TaskReading reading) => SideValue.Of(FromParts(reading.Parts));

    public SideValue ReadIssue(IssueReading reading) => HeldIn(reading.Sections)
        ? SideValue.Of(FromParts(reading.Sections.Parts))
        : DescriptionComposer.MissingSection(Heading);

    public TaskEdit WriteTask(TaskEdit edit, object? value, TaskWriting writing) => Into(edit, Cast(value));

    public Task<JiraFieldWrite> WriteJiraAsync(JiraWriting writing, object? value, CancellationToken cancellationToken) =>
        Task.FromResult(DescriptionComposer.Edit(writing));

    public Task<JiraIssueDraft> DraftAsync(JiraWriting writing, JiraIssueDraft draft, object? value, CancellationToken cancellationToken) =>
        Task.FromResult(draft with { Description = DescriptionComposer.Compose(writing.Target) });

    public NewTask ToNewTask(NewTask task, object? value, TaskWriting writing) => Into(task, Cast(value) is { Length: > 0 } text ? text : null);
}
