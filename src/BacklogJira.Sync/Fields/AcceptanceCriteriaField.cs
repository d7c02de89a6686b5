using System.Collections.Immutable;
using BacklogJira.BacklogMd.Model;
using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Mapping;
using BacklogJira.Core.Model;

namespace BacklogJira.Sync.Fields;

/// <summary>The task's acceptance criteria ⇄ the managed "Acceptance Criteria" section of the issue description.</summary>
public sealed class AcceptanceCriteriaField : ManagedChecklistSectionField
{
    public override string Name => "acceptanceCriteria";

    protected override string Heading => ManagedDescription.CriteriaHeading;

    protected override ImmutableArray<CriterionItem> FromParts(DescriptionParts parts) => parts.AcceptanceCriteria;

    protected override bool HeldIn(ManagedParts sections) => sections.HasCriteria;

    protected override TaskEdit Into(TaskEdit edit, IReadOnlyList<ChecklistItem> items) => edit with { AcceptanceCriteria = items };

    protected override NewTask Into(NewTask task, IReadOnlyList<string> texts) => task with { AcceptanceCriteria = texts };
}
