namespace BacklogJira.BacklogMd.Parsing;

/// <summary>
/// A task file cut into its three regions without losing a byte: an optional BOM, the frontmatter lines between the
/// two <c>---</c> delimiters, and the body lines after them. Line endings stay attached to their lines, so a writer that
/// replaces some lines and joins the rest reproduces everything else exactly.
/// </summary>
public sealed record TaskFileDocument(bool HasBom, SourceLine OpeningDelimiter, IReadOnlyList<SourceLine> Frontmatter,
    SourceLine ClosingDelimiter, IReadOnlyList<SourceLine> Body)
{
    private const char Bom = '\uFEFF';

    /// <summary>The newline this file uses: that of its opening delimiter, else LF.</summary>
    public string Newline => OpeningDelimiter.Ending.Length > 0 ? OpeningDelimiter.Ending : "\n";

    /// <summary>The body with line endings normalized to LF and trimmed, as the CLI parses it (gray-matter content, trimmed).</summary>
    public string NormalizedBody => string.Join('\n', Body.Select(l => l.Text)).Trim();

    /// <summary>Cuts <paramref name="text"/>; on failure returns the 1-based line and the reason.</summary>
    public static DocumentCut Cut(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hasBom = text.Length > 0 && text[0] == Bom;
        var lines = SourceLine.Split(hasBom ? text[1..] : text);
        if (lines.Count == 0 || string.IsNullOrWhiteSpace(string.Concat(lines.Select(l => l.Text))))
        {
            return DocumentCut.Failure(1, "the file is empty; a task file starts with a '---' frontmatter block");
        }

        if (lines[0].Text.TrimEnd() != "---")
        {
            return DocumentCut.Failure(1,
                "missing frontmatter: the first line must be '---' (Backlog.md ignores this file and shows its id as 'TASK-')");
        }

        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].Text.TrimEnd() == "---")
            {
                return DocumentCut.Success(new TaskFileDocument(hasBom, lines[0], lines.Skip(1).Take(i - 1).ToArray(),
                    lines[i], lines.Skip(i + 1).ToArray()));
            }
        }

        return DocumentCut.Failure(lines.Count,
            "the frontmatter is not closed: no '---' line after the opening one (is the file truncated?)");
    }

    public string Render() =>
        (HasBom ? Bom.ToString() : string.Empty) + SourceLine.Join([OpeningDelimiter, .. Frontmatter, ClosingDelimiter, .. Body]);
}

public sealed record DocumentCut(TaskFileDocument? Document, int Line, string? Error)
{
    public static DocumentCut Success(TaskFileDocument document) => new(document, 0, null);
    public static DocumentCut Failure(int line, string error) => new(null, line, error);
}
