using System.Collections.Immutable;
using BacklogJira.BacklogMd.Model;
using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Fields;
using BacklogJira.Core.Mapping;
using BacklogJira.Core.Model;
using BacklogJira.Core.Ports;

namespace BacklogJira.Sync.Fields;

/// <summary>A checklist of the task (acceptance criteria, Definition of Done) ⇄ a managed section of the issue
/// description, item by item with their checks. A description without that section does not hold it: the items are
/// kept in the task and written back (deleting every item in Jira means leaving the heading with no items).</summary>
public abstract class ManagedChecklistSectionField : ChecklistField, ISyncField
{
    public IReadOnlyList<string> JiraFieldIds => ["description"];

    /// <summary>The section's managed heading in the Jira description.</summary>
    protected abstract string Heading { get; }

    protected abstract ImmutableArray<CriterionItem> FromParts(DescriptionParts parts);

    protected abstract bool HeldIn(ManagedParts sections);

    protected abstract TaskEdit Into(TaskEdit edit, IReadOnlyList<ChecklistItem> items);

    protected abstract NewTask Into(NewTask task, IReadOnlyList<string> texts);

    public SideValue ReadTask(TaskReading reading) => SideValue.Of(FromParts(reading.Parts));

    public SideValue ReadIssue(IssueReading reading) => HeldIn(reading.Sections)
        ? SideValue.Of(FromParts(reading.Sections.Parts))
        : DescriptionComposer.MissingSection(Heading);

    public TaskEdit WriteTask(TaskEdit edit, object? value, TaskWriting writing) =>
        Into(edit, [.. Cast(value).Select((c, i) => new ChecklistItem(i + 1, c.Text, c.Checked))]);

    public Task<JiraFieldWrite> WriteJiraAsync(JiraWriting writing, object? value, CancellationToken cancellationToken) =>
        Task.FromResult(DescriptionComposer.Edit(writing));

    public Task<JiraIssueDraft> DraftAsync(JiraWriting writing, JiraIssueDraft draft, object? value, CancellationToken cancellationToken) =>
        Task.FromResult(draft with { Description = DescriptionComposer.Compose(writing.Target) });

    /// <summary>A new task takes texts only; the checks arrive with the new pair's first agreement.</summary>
    public NewTask ToNewTask(NewTask task, object? value, TaskWriting writing) => Into(task, [.. Cast(value).Select(c => c.Text)]);
}
