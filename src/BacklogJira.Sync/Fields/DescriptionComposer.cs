using BacklogJira.Core.Fields;
using BacklogJira.Core.Mapping;

namespace BacklogJira.Sync.Fields;

/// <summary>The description and the managed sections (acceptance criteria, plan, notes) are one Jira field: writing any
/// of them writes the whole description, composed from every part's value as Jira will hold it.</summary>
internal static class DescriptionComposer
{
    public static string Compose(SideValues target) => ManagedDescription.Compose(new DescriptionParts(
        target.Get(SyncFieldCatalog.Description),
        target.Get(SyncFieldCatalog.AcceptanceCriteria),
        target.Get(SyncFieldCatalog.ImplementationPlan),
        target.Get(SyncFieldCatalog.ImplementationNotes))
    {
        DefinitionOfDone = target.Get(SyncFieldCatalog.DefinitionOfDone),
        FinalSummary = target.Get(SyncFieldCatalog.FinalSummary),
    });

    public static JiraFieldWrite Edit(JiraWriting writing)
    {
        var description = Compose(writing.Target);
        return new JiraFieldWrite(update => update with { ChangeDescription = true, Description = description });
    }

    /// <summary>A managed section the Jira description does not hold: not represented there, never read as empty.</summary>
    public static SideValue MissingSection(string heading) =>
        SideValue.Missing($"the Jira description has no \"{heading.TrimStart('#', ' ')}\" section");
}
