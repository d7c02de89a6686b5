using BacklogJira.BacklogMd.Model;
using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Fields;
using BacklogJira.Core.Mapping;
using BacklogJira.Core.Ports;

namespace BacklogJira.Sync.Fields;

/// <summary>The task's implementation plan ⇄ the managed "Implementation Plan" section of the issue description. A
/// description without that section does not hold it: it is kept in the task and written back.</summary>
public sealed class ImplementationPlanField : TextField, ISyncField
{
    public override string Name => "implementationPlan";

    public SideValue ReadTask(TaskReading reading) => SideValue.Of(reading.Parts.ImplementationPlan);

    public SideValue ReadIssue(IssueReading reading) => reading.Sections.HasPlan
        ? SideValue.Of(reading.Sections.Parts.ImplementationPlan)
        : DescriptionComposer.MissingSection(ManagedDescription.PlanHeading);

    public TaskEdit WriteTask(TaskEdit edit, object? value, BacklogMdTask current) => edit with { ImplementationPlan = Cast(value) };

    public Task<JiraFieldWrite> WriteJiraAsync(JiraWriting writing, object? value, CancellationToken cancellationToken) =>
        Task.FromResult(DescriptionComposer.Edit(writing));

    public Task<JiraIssueDraft> DraftAsync(JiraWriting writing, JiraIssueDraft draft, object? value, CancellationToken cancellationToken) =>
        Task.FromResult(draft with { Description = DescriptionComposer.Compose(writing.Target) });

    public NewTask ToNewTask(NewTask task, object? value) => task with { ImplementationPlan = Cast(value) is { Length: > 0 } text ? text : null };
}
