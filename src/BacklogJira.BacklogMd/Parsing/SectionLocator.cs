namespace BacklogJira.BacklogMd.Parsing;

/// <summary>Where a section sits in a list of body lines (all indices 0-based, end exclusive).</summary>
public sealed record SectionSpan(int HeadingLine, int BeginMarkerLine, int EndMarkerLine)
{
    public bool IsMarked => BeginMarkerLine >= 0;

    /// <summary>First line of the content (after the BEGIN marker, or after the heading in the legacy form).</summary>
    public int ContentStart => IsMarked ? BeginMarkerLine + 1 : HeadingLine + 1;

    /// <summary>Line after the content: the END marker, or the next boundary heading in the legacy form.</summary>
    public int ContentEnd => EndMarkerLine;

    /// <summary>Line after the whole section (past the END marker in the marked form).</summary>
    public int SectionEnd => IsMarked ? EndMarkerLine + 1 : EndMarkerLine;
}

/// <summary>
/// Finds sections with the 1.52 line-scanning rules (docs/reference/backlog-md.md §3.2–§3.4): a marked section is a whole-line <c>## Title</c>,
/// then only blank lines, then a whole-line BEGIN marker, closed by its END marker (nesting counted); a legacy section
/// is a heading with no marker, running to the next boundary heading.
/// </summary>
public static class SectionLocator
{
    public static bool IsHeadingFor(string line, string title)
    {
        var trimmed = line.TrimEnd();
        if (!trimmed.StartsWith("##", StringComparison.Ordinal) || trimmed.Length < 3 || !char.IsWhiteSpace(trimmed[2]))
        {
            return false;
        }

        return string.Equals(trimmed[2..].Trim(), title, StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsMarkerLine(string line, string marker) =>
        line.Length >= marker.Length && line.StartsWith(marker, StringComparison.Ordinal) && line[marker.Length..].Trim().Length == 0;

    public static bool IsLevelTwoHeading(string line) =>
        line.StartsWith("## ", StringComparison.Ordinal) || line.TrimEnd() == "##";

    /// <summary>All marked occurrences of <paramref name="kind"/>; an unbalanced one yields <paramref name="malformed"/>.</summary>
    public static IReadOnlyList<SectionSpan> FindMarked(IReadOnlyList<string> lines, SectionKind kind, out bool malformed)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(kind);
        malformed = false;
        var spans = new List<SectionSpan>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!IsHeadingFor(lines[i], kind.Title))
            {
                continue;
            }

            var begin = i + 1;
            while (begin < lines.Count && lines[begin].Trim().Length == 0)
            {
                begin++;
            }

            if (begin >= lines.Count || !IsMarkerLine(lines[begin], kind.BeginMarker))
            {
                continue;
            }

            var end = FindMatchingEnd(lines, kind, begin);
            if (end < 0)
            {
                malformed = true;
                return [];
            }

            spans.Add(new SectionSpan(i, begin, end));
            i = end;
        }

        if (kind.IsChecklist && IsUnbalancedChecklist(lines, kind))
        {
            malformed = true;
            return [];
        }

        return spans;
    }

    /// <summary>
    /// The first legacy (marker-less) occurrence, ending at the next known heading, or null. The text sections are found
    /// in one pass, as the CLI reads them: a value starts at its first non-blank line, which never ends it, so an empty
    /// legacy Description directly followed by "## Acceptance Criteria" or "## Implementation Plan" holds that heading
    /// and what follows it; a text heading swallowed that way starts no section of its own (the checklists are found
    /// separately and still read). Observed with backlog 1.52; LegacyParseTests.
    /// </summary>
    public static SectionSpan? FindLegacyText(IReadOnlyList<string> lines, SectionKind kind)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(kind);
        var i = 0;
        while (i < lines.Count)
        {
            var trimmed = lines[i].TrimEnd();
            var found = LegacyTextKinds.FirstOrDefault(k => trimmed.EndsWith("## " + k.Title, StringComparison.OrdinalIgnoreCase));
            if (found is null)
            {
                i++;
                continue;
            }

            var first = i + 1;
            while (first < lines.Count && string.IsNullOrWhiteSpace(lines[first]))
            {
                first++;
            }

            var end = Math.Min(first + 1, lines.Count);
            while (end < lines.Count && !IsKnownBoundary(lines[end]))
            {
                end++;
            }

            if (found == kind)
            {
                return new SectionSpan(i, -1, end);
            }

            i = Math.Max(i + 1, end);
        }

        return null;
    }

    private static readonly SectionKind[] LegacyTextKinds =
        [SectionKind.Description, SectionKind.ImplementationPlan, SectionKind.ImplementationNotes, SectionKind.FinalSummary];

    /// <summary>The first legacy checklist section: exact heading, running to the next <c>##</c> heading of any title.</summary>
    public static SectionSpan? FindLegacyChecklist(IReadOnlyList<string> lines, SectionKind kind)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(kind);
        for (var i = 0; i < lines.Count; i++)
        {
            if (!IsHeadingFor(lines[i], kind.Title))
            {
                continue;
            }

            var end = i + 1;
            while (end < lines.Count && !IsLevelTwoHeading(lines[end]))
            {
                end++;
            }

            return new SectionSpan(i, -1, end);
        }

        return null;
    }

    private static bool IsKnownBoundary(string line)
    {
        if (!IsLevelTwoHeading(line))
        {
            return false;
        }

        var title = line.TrimEnd().Length > 2 ? line.TrimEnd()[2..].Trim() : string.Empty;
        return SectionKind.KnownTitles.Contains(title);
    }

    private static int FindMatchingEnd(IReadOnlyList<string> lines, SectionKind kind, int begin)
    {
        var depth = 0;
        for (var j = begin; j < lines.Count; j++)
        {
            if (IsMarkerLine(lines[j], kind.BeginMarker))
            {
                depth++;
            }
            else if (IsMarkerLine(lines[j], kind.EndMarker) && --depth == 0)
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>Checklist markers must alternate BEGIN, END, BEGIN, END; anything else makes the CLI read zero items.</summary>
    private static bool IsUnbalancedChecklist(IReadOnlyList<string> lines, SectionKind kind)
    {
        var open = false;
        foreach (var line in lines)
        {
            if (IsMarkerLine(line, kind.BeginMarker))
            {
                if (open)
                {
                    return true;
                }

                open = true;
            }
            else if (IsMarkerLine(line, kind.EndMarker))
            {
                if (!open)
                {
                    return true;
                }

                open = false;
            }
        }

        return open;
    }
}
