using System.Text.RegularExpressions;
using BacklogJira.BacklogMd.Parsing;

namespace BacklogJira.BacklogMd.Writing;

/// <summary>
/// Replaces, inserts or removes one top-level frontmatter entry and leaves every other line as it was, unknown keys
/// and comments included. New keys go where the CLI's serializer would put them (docs/reference/backlog-md.md §2.2 order).
/// </summary>
public static partial class FrontmatterEditor
{
    public static List<SourceLine> SetEntry(IReadOnlyList<SourceLine> lines, string key, IReadOnlyList<string> entryLines, string newline)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(entryLines);
        var result = lines.ToList();
        var fresh = entryLines.Select(text => new SourceLine(text, newline)).ToList();
        if (FindEntry(result, key) is { } existing)
        {
            // Keep the original ending of the entry's last line (it may be the file's only CR-less line).
            var lastEnding = result[existing.End - 1].Ending;
            fresh[^1] = fresh[^1] with { Ending = lastEnding.Length > 0 ? lastEnding : newline };
            result.RemoveRange(existing.Start, existing.End - existing.Start);
            result.InsertRange(existing.Start, fresh);
            return result;
        }

        result.InsertRange(InsertionPoint(result, key), fresh);
        return result;
    }

    public static List<SourceLine> RemoveEntry(IReadOnlyList<SourceLine> lines, string key)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var result = lines.ToList();
        if (FindEntry(result, key) is { } existing)
        {
            result.RemoveRange(existing.Start, existing.End - existing.Start);
        }

        return result;
    }

    public static IReadOnlyList<string> Keys(IReadOnlyList<SourceLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return lines.Select(l => KeyOf(l.Text)).Where(k => k is not null).Select(k => k!).ToArray();
    }

    private static (int Start, int End)? FindEntry(List<SourceLine> lines, string key)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (KeyOf(lines[i].Text) != key)
            {
                continue;
            }

            var end = i + 1;
            while (end < lines.Count && IsContinuation(lines[end].Text))
            {
                end++;
            }

            // Trailing blank lines belong to the gap, not to the entry.
            while (end > i + 1 && lines[end - 1].Text.Trim().Length == 0)
            {
                end--;
            }

            return (i, end);
        }

        return null;
    }

    private static int InsertionPoint(List<SourceLine> lines, string key)
    {
        var rank = FrontmatterKeys.Rank(key);
        var keys = lines.Select((l, i) => (Key: KeyOf(l.Text), Index: i)).Where(k => k.Key is not null).ToList();
        if (rank >= 0)
        {
            // After the last present key that comes earlier in the canonical order.
            var before = keys.LastOrDefault(k => FrontmatterKeys.Rank(k.Key!) is var r && r >= 0 && r < rank);
            if (before.Key is not null)
            {
                return FindEntry(lines, before.Key)!.Value.End;
            }

            var after = keys.FirstOrDefault(k => FrontmatterKeys.Rank(k.Key!) > rank);
            if (after.Key is not null)
            {
                return after.Index;
            }
        }

        return keys.Count == 0 ? lines.Count : FindEntry(lines, keys[^1].Key!)!.Value.End;
    }

    private static bool IsContinuation(string line) =>
        line.Length == 0 || line[0] is ' ' or '\t' or '-' || line.Trim().Length == 0;

    private static string? KeyOf(string line)
    {
        var match = TopLevelKey().Match(line);
        return match.Success ? match.Groups["key"].Value.Trim('\'', '"') : null;
    }

    [GeneratedRegex(@"^(?<key>'[^']*'|""[^""]*""|[^\s#\-:'""][^:]*?)\s*:(?:\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex TopLevelKey();
}
