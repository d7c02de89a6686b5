using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using BacklogJira.Core.Model;

namespace BacklogJira.Core.Mapping;

/// <summary>The parts of a task that travel inside the Jira description.</summary>
public sealed record DescriptionParts(string Description, ImmutableArray<CriterionItem> AcceptanceCriteria, string ImplementationPlan, string ImplementationNotes)
{
    public ImmutableArray<CriterionItem> DefinitionOfDone { get; init; } = [];

    public string FinalSummary { get; init; } = "";

    public bool Equals(DescriptionParts? other) =>
        other is not null && Description == other.Description && AcceptanceCriteria.SequenceEqual(other.AcceptanceCriteria)
        && DefinitionOfDone.SequenceEqual(other.DefinitionOfDone)
        && ImplementationPlan == other.ImplementationPlan && ImplementationNotes == other.ImplementationNotes && FinalSummary == other.FinalSummary;

    public override int GetHashCode() => HashCode.Combine(Description, AcceptanceCriteria.Length, DefinitionOfDone.Length, ImplementationPlan, ImplementationNotes, FinalSummary);
}

/// <summary>A Jira description split into the task's parts, and which managed sections it holds at all: a section that
/// is not there is not represented in Jira (never read as empty).</summary>
public sealed record ManagedParts(DescriptionParts Parts, bool HasCriteria, bool HasPlan, bool HasNotes)
{
    public bool HasDefinitionOfDone { get; init; }

    public bool HasFinalSummary { get; init; }
}

/// <summary>
/// Acceptance criteria, plan and notes travel in managed sections at the end of the Jira description, after a rule and
/// under headings that say who manages them. A pull strips them completely, so nothing grows from cycle to cycle
/// (docs/reference/original-plugin.md §4.4). The original plugin's <c>Acceptance Criteria:</c> + <c>- [ ]</c> block is still read.
/// </summary>
public static partial class ManagedDescription
{
    public const string CriteriaHeading = "### Acceptance Criteria (managed by backlog-jira)";
    public const string PlanHeading = "### Implementation Plan (managed by backlog-jira)";
    public const string NotesHeading = "### Implementation Notes (managed by backlog-jira)";
    public const string DefinitionOfDoneHeading = "### Definition of Done (managed by backlog-jira)";
    public const string FinalSummaryHeading = "### Final Summary (managed by backlog-jira)";
    private const string Rule = "---";

    /// <summary>The Markdown sent to Jira: the description, then the non-empty managed sections in Backlog.md's own
    /// order (docs/reference/backlog-md.md §3.1).</summary>
    public static string Compose(DescriptionParts parts)
    {
        var text = new StringBuilder(CanonicalText.Plain(parts.Description));
        var sections = new List<string>();
        AddChecklist(sections, CriteriaHeading, parts.AcceptanceCriteria);
        AddChecklist(sections, DefinitionOfDoneHeading, parts.DefinitionOfDone);
        AddText(sections, PlanHeading, parts.ImplementationPlan);
        AddText(sections, NotesHeading, parts.ImplementationNotes);
        AddText(sections, FinalSummaryHeading, parts.FinalSummary);
        if (sections.Count == 0) return text.ToString();
        if (text.Length > 0) text.Append("\n\n");
        text.Append(Rule).Append("\n\n").Append(string.Join("\n\n", sections));
        return text.ToString();
    }

    private static void AddChecklist(List<string> sections, string heading, ImmutableArray<CriterionItem> items)
    {
        if (items.IsDefaultOrEmpty) return;
        sections.Add(heading + "\n\n" + string.Join('\n', items.Select(c => (c.Checked ? "- [x] " : "- [ ] ") + Text.AdfToMarkdown.EscapeLiteral(c.Text))));
    }

    private static void AddText(List<string> sections, string heading, string text)
    {
        if (CanonicalText.Plain(text) is { Length: > 0 } plain) sections.Add(heading + "\n\n" + plain);
    }

    /// <summary>Splits a Jira description (as Markdown) into the task's parts.</summary>
    public static DescriptionParts Parse(string? jiraMarkdown) => ParseSections(jiraMarkdown).Parts;

    /// <summary>Splits a Jira description (as Markdown) into the task's parts, saying which sections it holds.</summary>
    public static ManagedParts ParseSections(string? jiraMarkdown)
    {
        var text = CanonicalText.Plain(jiraMarkdown);
        var lines = text.Split('\n').ToList();
        var firstHeading = lines.FindIndex(IsManagedHeading);
        if (firstHeading < 0) return ParseLegacy(text);

        var descriptionEnd = firstHeading;
        // The rule we write before the sections belongs to them, not to the description.
        var previous = descriptionEnd - 1;
        while (previous >= 0 && lines[previous].Trim().Length == 0) previous--;
        if (previous >= 0 && lines[previous].Trim() == Rule) descriptionEnd = previous;

        var description = CanonicalText.Plain(string.Join('\n', lines.Take(descriptionEnd)));
        var sections = SectionBodies(lines, firstHeading);
        return new ManagedParts(
            new DescriptionParts(
                description,
                sections.TryGetValue(CriteriaHeading, out var criteria) ? Criteria(criteria) : [],
                sections.GetValueOrDefault(PlanHeading, ""),
                sections.GetValueOrDefault(NotesHeading, ""))
            {
                DefinitionOfDone = sections.TryGetValue(DefinitionOfDoneHeading, out var done) ? Criteria(done) : [],
                FinalSummary = sections.GetValueOrDefault(FinalSummaryHeading, ""),
            },
            Readable(sections.GetValueOrDefault(CriteriaHeading)), sections.ContainsKey(PlanHeading), sections.ContainsKey(NotesHeading))
        {
            HasDefinitionOfDone = Readable(sections.GetValueOrDefault(DefinitionOfDoneHeading)),
            HasFinalSummary = sections.ContainsKey(FinalSummaryHeading),
        };
    }

    /// <summary>The checklist sections a Jira description holds but that cannot be read (see <see cref="Readable"/>), by
    /// heading, each as its text.</summary>
    public static IReadOnlyDictionary<string, string> UnreadableChecklists(string? jiraMarkdown)
    {
        var lines = CanonicalText.Plain(jiraMarkdown).Split('\n').ToList();
        var firstHeading = lines.FindIndex(IsManagedHeading);
        if (firstHeading < 0) return new Dictionary<string, string>();
        return SectionBodies(lines, firstHeading)
            .Where(s => s.Key is CriteriaHeading or DefinitionOfDoneHeading && s.Value.Length > 0 && !Readable(s.Value))
            .ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
    }

    /// <summary>Each managed section from <paramref name="firstHeading"/> on, by heading, as canonical text.</summary>
    private static Dictionary<string, string> SectionBodies(List<string> lines, int firstHeading)
    {
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        var body = new List<string>();
        foreach (var line in lines.Skip(firstHeading).Append(CriteriaHeading + "#end"))
        {
            if (IsManagedHeading(line) || line == CriteriaHeading + "#end")
            {
                if (current is not null) sections[current] = CanonicalText.Plain(string.Join('\n', body));
                current = line;
                body.Clear();
                continue;
            }
            body.Add(line);
        }
        return sections;
    }

    /// <summary>A checklist section is there and every line of it is a checklist item. A section whose lines lost their
    /// check boxes on the way (a converter that drops <c>[x]</c>) cannot be read, so it is not represented: never taken
    /// as "all items deleted".</summary>
    private static bool Readable(string? block) =>
        block is not null && block.Split('\n').All(l => l.Trim().Length == 0 || TaskItem().IsMatch(l));

    /// <summary>Whether <paramref name="line"/> is one of the headings this tool writes above its managed sections.</summary>
    public static bool IsManagedHeading(string line) => line is CriteriaHeading or DefinitionOfDoneHeading or PlanHeading or NotesHeading or FinalSummaryHeading;

    private static ImmutableArray<CriterionItem> Criteria(string block) =>
        [.. block.Split('\n').Select(l => TaskItem().Match(l)).Where(m => m.Success)
            .Select(m => new CriterionItem(Text.AdfToMarkdown.UnescapeLiteral(m.Groups["text"].Value.Trim()), m.Groups["check"].Value.Trim().Length > 0 || m.Groups["ballot"].Value == "☑"))];

    /// <summary>The original plugin's block (§4.1): a line "Acceptance Criteria:" then <c>- [ ]</c>/<c>- [x]</c> lines, up
    /// to the next blank line; also its "Implementation Plan:" and "Implementation Notes:" paragraphs.</summary>
    private static ManagedParts ParseLegacy(string text)
    {
        var match = LegacyCriteria().Match(text);
        if (!match.Success) return new ManagedParts(new DescriptionParts(text, [], "", ""), false, false, false);
        var criteria = Criteria(match.Groups["items"].Value.Replace("\\[", "[", StringComparison.Ordinal).Replace("\\]", "]", StringComparison.Ordinal));
        var rest = text[(match.Index + match.Length)..];
        var plan = LegacySection().Match(rest) is { Success: true } p && p.Groups["name"].Value == "Plan" ? p.Groups["body"].Value : null;
        var notes = LegacySection().Matches(rest).FirstOrDefault(m => m.Groups["name"].Value == "Notes")?.Groups["body"].Value;
        return new ManagedParts(new DescriptionParts(CanonicalText.Plain(text[..match.Index]), criteria, CanonicalText.Plain(plan), CanonicalText.Plain(notes)),
            true, plan is not null, notes is not null);
    }

    // [ ] and [x] (escaped or not), or the ballot boxes the MCP transport writes (☐ ☑, docs/mcp-transport.md).
    [GeneratedRegex(@"^\s*[-*]\s+(?:\\?\[(?<check>[ xX]?)\\?\]|(?<ballot>[☐☑]))\s+(?<text>.+)$")]
    private static partial Regex TaskItem();

    [GeneratedRegex(@"(?:^|\n)\s*Acceptance Criteria:?\s*\n(?<items>(?:[ \t]*[-*•].*(?:\n|$))+)", RegexOptions.IgnoreCase)]
    private static partial Regex LegacyCriteria();

    [GeneratedRegex(@"Implementation (?<name>Plan|Notes):\s*\n(?<body>(?:.+(?:\n|$))+)")]
    private static partial Regex LegacySection();
}
