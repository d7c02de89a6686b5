using System.Text.RegularExpressions;
using BacklogJira.BacklogMd.Model;

namespace BacklogJira.BacklogMd.Parsing;

/// <summary>The Backlog.md-owned sections of a task body, read with the CLI 1.52 rules (docs/reference/backlog-md.md §3).</summary>
public sealed record TaskBody(
    string? Description,
    IReadOnlyList<ChecklistItem> AcceptanceCriteria,
    IReadOnlyList<ChecklistItem> DefinitionOfDone,
    string? ImplementationPlan,
    string? ImplementationNotes,
    IReadOnlyList<TaskComment> Comments,
    string? FinalSummary)
{
    /// <summary>Sections backlog-jira manages, by title (<see cref="BodyReader.ReadManaged"/>).</summary>
    public IReadOnlyDictionary<string, string> Managed { get; init; } = new Dictionary<string, string>();
}

public static partial class BodyReader
{
    public static TaskBody Read(string normalizedBody)
    {
        ArgumentNullException.ThrowIfNull(normalizedBody);
        var lines = normalizedBody.Split('\n');
        return new TaskBody(
            ReadText(lines, SectionKind.Description),
            ReadChecklist(lines, SectionKind.AcceptanceCriteria),
            ReadChecklist(lines, SectionKind.DefinitionOfDone),
            ReadText(lines, SectionKind.ImplementationPlan),
            ReadText(lines, SectionKind.ImplementationNotes),
            ReadComments(lines),
            ReadText(lines, SectionKind.FinalSummary)) { Managed = ReadManaged(lines) };
    }

    /// <summary>The sections backlog-jira manages (<see cref="SectionKind.IsManaged"/>), by title, marked form only.</summary>
    public static IReadOnlyDictionary<string, string> ReadManaged(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var sections = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < lines.Count; i++)
        {
            if (!SectionLocator.IsLevelTwoHeading(lines[i])) continue;
            var next = i + 1;
            while (next < lines.Count && lines[next].Trim().Length == 0) next++;
            if (next >= lines.Count || !lines[next].StartsWith("<!-- " + SectionKind.ManagedFamily, StringComparison.Ordinal)) continue;
            var kind = SectionKind.Managed(lines[i].TrimEnd()[3..]);
            if (SectionLocator.IsMarkerLine(lines[next], kind.BeginMarker) && ReadText(lines, kind) is { } value) sections.TryAdd(kind.Title, value);
        }
        return sections;
    }

    public static string? ReadText(IReadOnlyList<string> lines, SectionKind kind)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var marked = SectionLocator.FindMarked(lines, kind, out _);
        var span = marked.Count > 0 ? marked[0] : kind.IsManaged ? null : SectionLocator.FindLegacyText(lines, kind);
        if (span is null)
        {
            return null;
        }

        var value = string.Join('\n', Slice(lines, span.ContentStart, span.ContentEnd)).Trim();
        return value.Length == 0 ? null : value;
    }

    public static IReadOnlyList<ChecklistItem> ReadChecklist(IReadOnlyList<string> lines, SectionKind kind)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var marked = SectionLocator.FindMarked(lines, kind, out var malformed);
        if (malformed)
        {
            return [];
        }

        var items = new List<(string Text, bool Checked)>();
        if (marked.Count > 0)
        {
            foreach (var span in marked)
            {
                items.AddRange(Slice(lines, span.ContentStart, span.ContentEnd)
                    .Select(ParseItem).Where(i => i is not null).Select(i => i!.Value)
                    .Select(i => (StripNumber(i.Text), i.Checked)));
            }
        }
        else if (SectionLocator.FindLegacyChecklist(lines, kind) is { } legacy)
        {
            items.AddRange(Slice(lines, legacy.ContentStart, legacy.ContentEnd)
                .Select(ParseItem).Where(i => i is not null).Select(i => i!.Value));
        }

        return items.Select((item, i) => new ChecklistItem(i + 1, item.Text, item.Checked)).ToArray();
    }

    /// <summary>A column-0 <c>- [ ] </c> or <c>- [x] </c> line; upper-case X, <c>*</c> bullets and indented boxes are not items.</summary>
    public static (string Text, bool Checked)? ParseItem(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.StartsWith("- [ ] ", StringComparison.Ordinal))
        {
            return (line[6..], false);
        }

        if (line.StartsWith("- [x] ", StringComparison.Ordinal))
        {
            return (line[6..], true);
        }

        return null;
    }

    public static IReadOnlyList<TaskComment> ReadComments(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var marked = SectionLocator.FindMarked(lines, SectionKind.Comments, out _);
        if (marked.Count == 0)
        {
            return [];
        }

        var content = Slice(lines, marked[0].ContentStart, marked[0].ContentEnd).ToArray();
        var comments = new List<TaskComment>();
        var i = 0;
        while (i < content.Length)
        {
            if (content[i].Trim().Length == 0)
            {
                i++;
                continue;
            }

            var parsed = SectionLocator.IsMarkerLine(content[i].Trim(), "<!-- COMMENT:BEGIN -->")
                ? ReadLegacyComment(content, ref i)
                : ReadComment(content, ref i);
            if (parsed is null)
            {
                break;
            }

            comments.Add(parsed with { Index = comments.Count + 1 });
        }

        return comments;
    }

    private static TaskComment? ReadComment(string[] content, ref int i)
    {
        string? author = null;
        string? created = null;
        while (i < content.Length && content[i].TrimEnd() != "---")
        {
            var meta = MetadataLine().Match(content[i]);
            if (!meta.Success)
            {
                return null;
            }

            if (meta.Groups["key"].Value == "author")
            {
                author = meta.Groups["value"].Value.Trim();
            }
            else if (meta.Groups["key"].Value == "created")
            {
                created = meta.Groups["value"].Value.Trim();
            }

            i++;
        }

        if (i >= content.Length)
        {
            return null;
        }

        var bodyStart = ++i;
        while (i < content.Length && content[i].TrimEnd() != "---")
        {
            i++;
        }

        var body = string.Join('\n', content[bodyStart..Math.Min(i, content.Length)]).Trim();
        i++;
        return new TaskComment(0, body, author, created);
    }

    private static TaskComment ReadLegacyComment(string[] content, ref int i)
    {
        string? author = null;
        string? created = null;
        i++;
        while (i < content.Length && MetadataLine().Match(content[i]) is { Success: true } meta)
        {
            if (meta.Groups["key"].Value == "author")
            {
                author = meta.Groups["value"].Value.Trim();
            }
            else if (meta.Groups["key"].Value == "created")
            {
                created = meta.Groups["value"].Value.Trim();
            }

            i++;
        }

        var bodyStart = i;
        while (i < content.Length && !SectionLocator.IsMarkerLine(content[i].Trim(), "<!-- COMMENT:END -->"))
        {
            i++;
        }

        var body = string.Join('\n', content[bodyStart..Math.Min(i, content.Length)]).Trim();
        i++;
        return new TaskComment(0, body, author, created);
    }

    private static string StripNumber(string text)
    {
        var match = ItemNumber().Match(text);
        return match.Success ? text[match.Length..] : text;
    }

    private static IEnumerable<string> Slice(IReadOnlyList<string> lines, int start, int end)
    {
        for (var i = start; i < end && i < lines.Count; i++)
        {
            yield return lines[i];
        }
    }

    [GeneratedRegex(@"^#\d+\s+", RegexOptions.CultureInvariant)]
    private static partial Regex ItemNumber();

    [GeneratedRegex(@"^(?<key>author|created|index):\s?(?<value>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex MetadataLine();
}
