using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Mapping;

namespace BacklogJira.Sync.Fields;

/// <summary>The task's final summary (what was done, written when it is finished) ⇄ the managed "Final Summary" section
/// of the issue description.</summary>
public sealed class FinalSummaryField : ManagedTextSectionField
{
    public override string Name => "finalSummary";

    protected override string Heading => ManagedDescription.FinalSummaryHeading;

    protected override string FromParts(DescriptionParts parts) => parts.FinalSummary;

    protected override bool HeldIn(ManagedParts sections) => sections.HasFinalSummary;

    protected override TaskEdit Into(TaskEdit edit, string text) => edit with { FinalSummary = text };

    protected override NewTask Into(NewTask task, string? text) => task with { FinalSummary = text };
}
