using BacklogJira.BacklogMd.Model;
using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Fields;
using BacklogJira.Core.Mapping;
using BacklogJira.Core.Ports;

namespace BacklogJira.Sync.Fields;

/// <summary>The task's implementation notes ⇄ the managed "Implementation Notes" section of the issue description. A
/// description without that section does not hold it: it is kept in the task and written back.</summary>
public sealed class ImplementationNotesField : TextField, ISyncField
{
    public override string Name => "implementationNotes";

    public SideValue ReadTask(TaskReading reading) => SideValue.Of(reading.Parts.ImplementationNotes);

    public SideValue ReadIssue(IssueReading reading) => reading.Sections.HasNotes
        ? SideValue.Of(reading.Sections.Parts.ImplementationNotes)
        : DescriptionComposer.MissingSection(ManagedDescription.NotesHeading);

    public TaskEdit WriteTask(TaskEdit edit, object? value, BacklogMdTask current) => edit with { ImplementationNotes = Cast(value) };

    public Task<JiraFieldWrite> WriteJiraAsync(JiraWriting writing, object? value, CancellationToken cancellationToken) =>
        Task.FromResult(DescriptionComposer.Edit(writing));

    public Task<JiraIssueDraft> DraftAsync(JiraWriting writing, JiraIssueDraft draft, object? value, CancellationToken cancellationToken) =>
        Task.FromResult(draft with { Description = DescriptionComposer.Compose(writing.Target) });

    public NewTask ToNewTask(NewTask task, object? value) => task with { ImplementationNotes = Cast(value) is { Length: > 0 } text ? text : null };
}
