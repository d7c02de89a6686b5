using BacklogJira.Core.Fields;
using BacklogJira.Sync.Fields;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Engine;

/// <summary>
/// What a run cut off midway (docs/sync.md, "Crash consistency") means for the next one, from its journal: a side that
/// holds what we meant to write holds our write, so that value becomes the field's base (the user's later revert or edit
/// is then a change of theirs, not a conflict, and is never undone); an issue on a status our walk passes through is on
/// our way, so its status reads as not held and the walk resumes toward the task's status.
/// </summary>
public static class JournalReplay
{
    public sealed record Replayed(AgreedBase? Agreed, PairSides Sides, IReadOnlyList<string> Notes);

    public static Replayed Apply(IReadOnlyList<ISyncField> fields, IReadOnlyList<JournalEntry> journal, AgreedBase? agreed, PairSides sides, string jiraStatusName)
    {
        var notes = new List<string>();
        var jira = sides.Jira;
        foreach (var entry in journal)
        {
            if (fields.FirstOrDefault(f => string.Equals(f.Name, entry.Field, StringComparison.OrdinalIgnoreCase)) is not { } field) continue;
            var meant = field.FromJson(entry.To);
            if (Holds(entry, field, sides))
            {
                // A merged field (comments, labels) is written to both sides: it is agreed only once both hold it. With
                // one side written, the stored base stays, and the merge brings the other side what it lacks; taking the
                // whole merged value as agreed would read what that side never received as deleted there.
                var everySide = journal.Where(e => string.Equals(e.Field, entry.Field, StringComparison.OrdinalIgnoreCase));
                if (everySide.All(e => Holds(e, field, sides))) agreed = (agreed ?? AgreedBase.Empty).With(field, meant);
                continue;
            }
            if (field == SyncFieldCatalog.Status && entry.Side == JournalEntry.Jira && entry.Via.Contains(jiraStatusName, StringComparer.OrdinalIgnoreCase))
            {
                jira = jira.With(field, SideValue.Missing($"an interrupted workflow walk toward \"{field.Display(meant)}\" stopped at \"{jiraStatusName}\""));
                notes.Add($"resuming the workflow walk interrupted at \"{jiraStatusName}\"");
            }
        }
        return new Replayed(agreed, sides with { Jira = jira }, notes);
    }

    /// <summary>Whether the side the entry names holds the value the entry meant to write there.</summary>
    private static bool Holds(JournalEntry entry, ISyncField field, PairSides sides)
    {
        var held = entry.Side == JournalEntry.Jira ? sides.Jira[field] : sides.Backlog[field];
        return held.IsKnown && field.Same(held.Value, field.FromJson(entry.To));
    }
}
