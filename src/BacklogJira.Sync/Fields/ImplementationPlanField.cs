using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Mapping;

namespace BacklogJira.Sync.Fields;

/// <summary>The task's implementation plan ⇄ the managed "Implementation Plan" section of the issue description.</summary>
public sealed class ImplementationPlanField : ManagedTextSectionField
{
    public override string Name => "implementationPlan";

    protected override string Heading => ManagedDescription.PlanHeading;

    protected override string FromParts(DescriptionParts parts) => parts.ImplementationPlan;

    protected override bool HeldIn(ManagedParts sections) => sections.HasPlan;


    protected override TaskEdit Into(TaskEdit edit, string text) => edit with { ImplementationPlan = text };

    protected override NewTask Into(NewTask task, string? text) => task with { ImplementationPlan = text };
}
