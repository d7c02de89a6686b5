namespace BacklogJira.BacklogMd.Parsing;

/// <summary>The body sections Backlog.md owns, with their heading and marker id (docs/reference/backlog-md.md §3.1).</summary>
public sealed record SectionKind(string Title, string MarkerId, bool IsChecklist)
{
    public static readonly SectionKind Description = new("Description", "SECTION:DESCRIPTION", false);
    public static readonly SectionKind AcceptanceCriteria = new("Acceptance Criteria", "AC", true);
    public static readonly SectionKind DefinitionOfDone = new("Definition of Done", "DOD", true);
    public static readonly SectionKind ImplementationPlan = new("Implementation Plan", "SECTION:PLAN", false);
    public static readonly SectionKind ImplementationNotes = new("Implementation Notes", "SECTION:NOTES", false);
    public static readonly SectionKind Comments = new("Comments", "COMMENTS", false);
    public static readonly SectionKind FinalSummary = new("Final Summary", "SECTION:FINAL_SUMMARY", false);

    /// <summary>Canonical order in a file the CLI wrote.</summary>
    public static readonly IReadOnlyList<SectionKind> CanonicalOrder =
        [Description, AcceptanceCriteria, DefinitionOfDone, ImplementationPlan, ImplementationNotes, Comments, FinalSummary];

    /// <summary>Headings that end a legacy (marker-less) text section (docs/reference/backlog-md.md §3.2).</summary>
    public static readonly IReadOnlySet<string> KnownTitles = new HashSet<string>(
        CanonicalOrder.Select(k => k.Title).Concat([
            "Acceptance Criteria (Optional)", "Implementation Plan (Optional)", "Implementation Notes (Optional)",
            "Notes", "Notes & Comments (Optional)",
        ]),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The marker family of sections backlog-jira manages in the body (custom-field rules, docs/field-mapping.md).</summary>
    public const string ManagedFamily = "BACKLOG-JIRA:";

    /// <summary>A section backlog-jira manages, under <c>## <paramref name="title"/></c>, marked
    /// <c>&lt;!-- BACKLOG-JIRA:QA-NOTES:BEGIN --&gt;</c>; the CLI keeps it as text of its own (docs/reference/backlog-md.md §3.5).</summary>
    public static SectionKind Managed(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var slug = string.Concat(title.Trim().ToUpperInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
        return new SectionKind(title.Trim(), ManagedFamily + slug, false);
    }

    /// <summary>True for a section backlog-jira manages (never read or written in the legacy, marker-less form).</summary>
    public bool IsManaged => MarkerId.StartsWith(ManagedFamily, StringComparison.Ordinal);

    public string BeginMarker => $"<!-- {MarkerId}:BEGIN -->";
    public string EndMarker => $"<!-- {MarkerId}:END -->";

    /// <summary>Text sections have a blank line between heading and marker; checklists do not.</summary>
    public bool BlankLineAfterHeading => !IsChecklist;
}
