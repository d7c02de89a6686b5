using System.Collections.Immutable;
using BacklogJira.BacklogMd.Model;
using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Mapping;
using BacklogJira.Core.Model;

namespace BacklogJira.Sync.Fields;

/// <summary>The task's Definition of Done ⇄ the managed "Definition of Done" section of the issue description, item by
/// item with their checks (so <c>backlog task edit --check-dod 1</c> reaches Jira). An imported task holds exactly the
/// issue's items: the project's DoD defaults are not added to it (they would be pushed back into every issue).</summary>
public sealed class DefinitionOfDoneField : ManagedChecklistSectionField
{
    public override string Name => "definitionOfDone";

    protected override string Heading => ManagedDescription.DefinitionOfDoneHeading;

    protected override ImmutableArray<CriterionItem> FromParts(DescriptionParts parts) => parts.DefinitionOfDone;

    protected override bool HeldIn(ManagedParts sections) => sections.HasDefinitionOfDone;

    protected override TaskEdit Into(TaskEdit edit, IReadOnlyList<ChecklistItem> items) => edit with { DefinitionOfDone = items };

    protected override NewTask Into(NewTask task, IReadOnlyList<string> texts) => task with { DefinitionOfDone = texts, ApplyDefinitionOfDoneDefaults = false };
}
