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

    /// <summary>The whole description, unless Jira's holds a checklist section that cannot be read (its boxes lost on
    /// the way, as mcp-atlassian reads them): writing would replace words that were never read, so the description waits,
    /// with the reason and the way out (docs/mcp-transport.md, "Text conversion").</summary>
    public static JiraFieldWrite Edit(JiraWriting writing)
    {
        if (ManagedDescription.UnreadableChecklists(writing.Issue?.Description) is { Count: > 0 } unreadable)
        {
            var sections = string.Join(" and ", unreadable.Keys.Select(h => "\"" + h.TrimStart('#', ' ') + "\""));
            var warning = $"{writing.IssueName}: the description is not written: its {sections} section cannot be read (its check boxes were lost on the way in), " +
                "and writing it would replace words never read. Tick the boxes as ☐ or ☑ in Jira, or sync over jira.transport \"rest\".";
            if (!writing.Warnings.Contains(warning)) writing.Warnings.Add(warning);
            return JiraFieldWrite.Skipped;
        }
        var description = Compose(writing.Target);
        return new JiraFieldWrite(update => update with { ChangeDescription = true, Description = description });
    }

    /// <summary>A managed section the Jira description does not hold: not represented there, never read as empty.</summary>
    public static SideValue MissingSection(string heading) =>
        SideValue.Missing($"the Jira description has no \"{heading.TrimStart('#', ' ')}\" section");
}
