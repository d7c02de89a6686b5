using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Mapping;

namespace BacklogJira.Sync.Fields;

/// <summary>The task's implementation notes ⇄ the managed "Implementation Notes" section of the issue description.</summary>
public sealed class ImplementationNotesField : ManagedTextSectionField
{
    public override string Name => "implementationNotes";

    protected override string Heading => ManagedDescription.NotesHeading;

    protected override string FromParts(DescriptionParts parts) => parts.ImplementationNotes;

    protected override bool HeldIn(ManagedParts sections) => sections.HasNotes;


    protected override TaskEdit Into(TaskEdit edit, string text) => edit with { ImplementationNotes = text };

    protected override NewTask Into(NewTask task, string? text) => task with { ImplementationNotes = text };
}
