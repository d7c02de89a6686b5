using BacklogJira.BacklogMd.Model;
using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Fields;
using BacklogJira.Core.Mapping;
using BacklogJira.Core.Ports;

namespace BacklogJira.Sync.Fields;

/// <summary>The task's acceptance criteria ⇄ the managed "Acceptance Criteria" section of the issue description, item
/// by item with their checks. A description without that section does not hold them: they are kept in the task and
/// written back (deleting every criterion in Jira means leaving the heading with no items).</summary>
public sealed class AcceptanceCriteriaField : ChecklistField, ISyncField
{
    public override string Name => "acceptanceCriteria";

    public SideValue ReadTask(TaskReading reading) => SideValue.Of(reading.Parts.AcceptanceCriteria);

    public SideValue ReadIssue(IssueReading reading) => reading.Sections.HasCriteria
        ? SideValue.Of(reading.Sections.Parts.AcceptanceCriteria)
        : DescriptionComposer.MissingSection(ManagedDescription.CriteriaHeading);

    public TaskEdit WriteTask(TaskEdit edit, object? value, BacklogMdTask current) =>
        edit with { AcceptanceCriteria = [.. Cast(value).Select((c, i) => new ChecklistItem(i + 1, c.Text, c.Checked))] };

    public Task<JiraFieldWrite> WriteJiraAsync(JiraWriting writing, object? value, CancellationToken cancellationToken) =>
        Task.FromResult(DescriptionComposer.Edit(writing));

    public Task<JiraIssueDraft> DraftAsync(JiraWriting writing, JiraIssueDraft draft, object? value, CancellationToken cancellationToken) =>
        Task.FromResult(draft with { Description = DescriptionComposer.Compose(writing.Target) });

    /// <summary>The CLI's create takes texts only; the checks arrive with the new pair's first agreement.</summary>
    public NewTask ToNewTask(NewTask task, object? value) => task with { AcceptanceCriteria = [.. Cast(value).Select(c => c.Text)] };
}
