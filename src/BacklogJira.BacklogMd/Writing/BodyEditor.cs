using BacklogJira.BacklogMd.Parsing;

namespace BacklogJira.BacklogMd.Writing;

/// <summary>
/// Surgical edits of the Backlog.md-owned body sections. Only the lines of the section being changed are touched:
/// other sections, unknown sections and free text keep their place and bytes. Shapes follow the CLI (docs/reference/backlog-md.md §3.1), so on a
/// file the CLI wrote, the result is the file the CLI would have written.
/// </summary>
public sealed class BodyEditor
{
    private readonly List<SourceLine> _lines;
    private readonly string _newline;

    public BodyEditor(IReadOnlyList<SourceLine> bodyLines, string newline)
    {
        ArgumentNullException.ThrowIfNull(bodyLines);
        _lines = bodyLines.ToList();
        _newline = newline;
    }

    public IReadOnlyList<SourceLine> Lines => _lines;

    private List<string> Texts => _lines.Select(l => l.Text).ToList();

    /// <summary>Sets a text section's content, or removes the section when <paramref name="value"/> is empty.</summary>
    public void SetText(SectionKind kind, string value)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(value);
        var content = value.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
        RejectOwnMarkers(kind, content);
        var texts = Texts;
        var marked = SectionLocator.FindMarked(texts, kind, out _);
        if (marked.Count > 0)
        {
            if (content.Trim().Length == 0)
            {
                RemoveSpan(marked[0].HeadingLine, marked[0].SectionEnd);
            }
            else
            {
                Replace(marked[0].ContentStart, marked[0].ContentEnd, content.Split('\n'));
            }

            return;
        }

        if (kind.IsManaged && content.Trim().Length > 0 && SectionLocator.FindMarked(texts, SectionKind.Description, out _).Count == 0
            && SectionLocator.FindLegacyText(texts, SectionKind.Description) is { } legacyDescription)
        {
            // The CLI reads a marker-less description up to the next heading it knows, so a section added after it would
            // become part of the description (docs/reference/backlog-md.md §3.2): mark the description first, with the
            // text up to the next heading of any title (what follows stays a section of its own).
            var end = legacyDescription.HeadingLine + 1;
            while (end < texts.Count && !SectionLocator.IsLevelTwoHeading(texts[end])) end++;
            var own = string.Join('\n', texts.Skip(legacyDescription.ContentStart).Take(end - legacyDescription.ContentStart)).Trim();
            if (own.Length > 0) SetText(SectionKind.Description, own);
            texts = Texts;
        }

        if (!kind.IsManaged && SectionLocator.FindLegacyText(texts, kind) is { } legacy)
        {
            // The legacy range ends at the next heading of ANY title here, so a custom section that the CLI would swallow
            // into the value stays a section of its own (docs/reference/backlog-md.md §3.2's data-loss hazard).
            var end = legacy.HeadingLine + 1;
            while (end < texts.Count && !SectionLocator.IsLevelTwoHeading(texts[end]))
            {
                end++;
            }

            if (content.Trim().Length == 0)
            {
                RemoveSpan(legacy.HeadingLine, end);
            }
            else
            {
                var block = MarkedBlock(kind, content.Split('\n')).ToList();
                if (end < texts.Count)
                {
                    block.Add(string.Empty);
                }

                Replace(legacy.HeadingLine, end, block);
            }

            return;
        }

        if (content.Trim().Length > 0)
        {
            Insert(kind, MarkedBlock(kind, content.Split('\n')));
        }
    }

    /// <summary>Sets a checklist to exactly <paramref name="items"/>; an empty list removes the section as the CLI does.</summary>
    public void SetChecklist(SectionKind kind, IReadOnlyList<(string Text, bool Checked)> items)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            if (item.Text.Contains('\n', StringComparison.Ordinal) || item.Text.Trim().Length == 0)
            {
                throw new TaskEditException($"{kind.Title} items must be one non-empty line; got \"{item.Text}\".");
            }
        }

        var rendered = items.Select((item, i) => $"- [{(item.Checked ? 'x' : ' ')}] #{i + 1} {item.Text.Trim()}").ToList();
        var texts = Texts;
        var marked = SectionLocator.FindMarked(texts, kind, out var malformed);
        if (malformed)
        {
            throw new TaskEditException($"Malformed {kind.Title} markers: fix the {kind.BeginMarker} / {kind.EndMarker} lines by hand; nothing was written.");
        }

        if (marked.Count > 0)
        {
            if (rendered.Count == 0)
            {
                foreach (var span in marked.Reverse())
                {
                    RemoveSpan(span.HeadingLine, span.SectionEnd);
                }

                return;
            }

            RewriteItems(marked, rendered);
            return;
        }

        if (SectionLocator.FindLegacyChecklist(texts, kind) is { } legacy)
        {
            var inner = texts.Skip(legacy.ContentStart).Take(legacy.ContentEnd - legacy.ContentStart).ToList();
            var queue = new Queue<string>(rendered);
            var rewritten = inner.Where(l => BodyReader.ParseItem(l) is null || queue.Count > 0)
                .Select(l => BodyReader.ParseItem(l) is null ? l : queue.Dequeue()).ToList();
            rewritten.AddRange(queue);
            TrimBlankEdges(rewritten);
            var block = rendered.Count == 0 ? [] : MarkedBlock(kind, rewritten).ToList();
            if (block.Count > 0 && legacy.ContentEnd < texts.Count)
            {
                block.Add(string.Empty);
            }

            if (block.Count == 0)
            {
                RemoveSpan(legacy.HeadingLine, legacy.ContentEnd);
            }
            else
            {
                Replace(legacy.HeadingLine, legacy.ContentEnd, block);
            }

            return;
        }

        if (rendered.Count > 0)
        {
            Insert(kind, MarkedBlock(kind, rendered));
        }
    }

    /// <summary>Appends one comment in the CLI's shape (docs/reference/backlog-md.md §3.4).</summary>
    public void AddComment(string body, string? author, string created)
    {
        ArgumentNullException.ThrowIfNull(body);
        var bodyLines = CommentLines(body);
        var entry = new List<string>();
        if (!string.IsNullOrWhiteSpace(author))
        {
            entry.Add($"author: {author.Trim()}");
        }

        entry.Add($"created: {created}");
        entry.Add("---");
        entry.AddRange(bodyLines);
        entry.Add("---");

        var texts = Texts;
        var marked = SectionLocator.FindMarked(texts, SectionKind.Comments, out _);
        if (marked.Count > 0)
        {
            var span = marked[0];
            var hasComments = Enumerable.Range(span.ContentStart, span.ContentEnd - span.ContentStart).Any(i => texts[i].Trim().Length > 0);
            Replace(span.ContentEnd, span.ContentEnd, hasComments ? [string.Empty, .. entry] : entry);
            return;
        }

        Insert(SectionKind.Comments, MarkedBlock(SectionKind.Comments, entry));
    }

    /// <summary>Replaces the body of comment <paramref name="index"/> (1-based, as the CLI numbers them), keeping its
    /// <c>author:</c> and <c>created:</c> lines. A legacy comment (<c>&lt;!-- COMMENT:BEGIN --&gt;</c>) is not edited.</summary>
    public void ReplaceCommentBody(int index, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var bodyLines = CommentLines(body);
        var texts = Texts;
        var marked = SectionLocator.FindMarked(texts, SectionKind.Comments, out _);
        if (marked.Count == 0)
        {
            throw new TaskEditException($"There is no comment #{index} to edit.");
        }

        var span = marked[0];
        var number = 0;
        for (var i = span.ContentStart; i < span.ContentEnd; i++)
        {
            var line = texts[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (SectionLocator.IsMarkerLine(line, "<!-- COMMENT:BEGIN -->"))
            {
                number++;
                if (number == index)
                {
                    throw new TaskEditException($"Comment #{index} is in the legacy form; edit it with the backlog CLI.");
                }

                while (i < span.ContentEnd && !SectionLocator.IsMarkerLine(texts[i].Trim(), "<!-- COMMENT:END -->"))
                {
                    i++;
                }

                continue;
            }

            while (i < span.ContentEnd && texts[i].TrimEnd() != "---")
            {
                i++;
            }

            var bodyStart = i + 1;
            var bodyEnd = bodyStart;
            while (bodyEnd < span.ContentEnd && texts[bodyEnd].TrimEnd() != "---")
            {
                bodyEnd++;
            }

            number++;
            if (number == index)
            {
                Replace(bodyStart, bodyEnd, bodyLines);
                return;
            }

            i = bodyEnd;
        }

        throw new TaskEditException($"There is no comment #{index} to edit.");
    }

    private static string[] CommentLines(string body)
    {
        var bodyLines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Trim().Split('\n');
        if (bodyLines.Any(l => l.Trim() == "---") || body.Contains("<!-- COMMENT", StringComparison.Ordinal))
        {
            throw new TaskEditException("A comment cannot contain a line that is just '---' or a '<!-- COMMENT' marker; indent or reword it.");
        }

        return bodyLines;
    }

    private void RewriteItems(IReadOnlyList<SectionSpan> spans, List<string> rendered)
    {
        var texts = Texts;
        var itemLines = spans.SelectMany(s => Enumerable.Range(s.ContentStart, s.ContentEnd - s.ContentStart))
            .Where(i => BodyReader.ParseItem(texts[i]) is not null).ToList();
        var appendAt = itemLines.Count > 0 ? itemLines[^1] + 1 : spans[^1].ContentEnd;
        var extra = rendered.Skip(itemLines.Count).ToList();
        Replace(appendAt, appendAt, extra);
        for (var k = itemLines.Count - 1; k >= 0; k--)
        {
            if (k < rendered.Count)
            {
                _lines[itemLines[k]] = _lines[itemLines[k]] with { Text = rendered[k] };
            }
            else
            {
                _lines.RemoveAt(itemLines[k]);
            }
        }
    }

    private static void RejectOwnMarkers(SectionKind kind, string content)
    {
        foreach (var line in content.Split('\n'))
        {
            if (SectionLocator.IsMarkerLine(line, kind.BeginMarker) || SectionLocator.IsMarkerLine(line, kind.EndMarker))
            {
                throw new TaskEditException(
                    $"{kind.Title} content cannot contain the reserved marker line \"{line.Trim()}\". Indent it with a space to include it as literal text.");
            }
        }
    }

    private static IEnumerable<string> MarkedBlock(SectionKind kind, IEnumerable<string> content)
    {
        yield return $"## {kind.Title}";
        if (kind.BlankLineAfterHeading)
        {
            yield return string.Empty;
        }

        yield return kind.BeginMarker;
        foreach (var line in content)
        {
            yield return line;
        }

        yield return kind.EndMarker;
    }

    /// <summary>Inserts a new section where the CLI would put it: after the nearest earlier Backlog section, else before the nearest later one.</summary>
    private void Insert(SectionKind kind, IEnumerable<string> block)
    {
        var texts = Texts;
        var rank = IndexOf(kind);
        var spans = SectionKind.CanonicalOrder
            .Select(k => (Kind: k, Span: LocateAny(texts, k)))
            .Where(x => x.Span is not null)
            .ToList();
        var before = spans.Where(x => IndexOf(x.Kind) < rank).OrderBy(x => x.Span!.SectionEnd).LastOrDefault();
        var after = spans.Where(x => IndexOf(x.Kind) > rank).OrderBy(x => x.Span!.HeadingLine).FirstOrDefault();
        var (first, last) = ContentBounds(texts);
        var blockLines = block.ToList();

        if (first < 0)
        {
            // Empty body: one blank line after the closing '---', then the block.
            _lines.Clear();
            _lines.Add(new SourceLine(string.Empty, _newline));
            _lines.AddRange(blockLines.Select(t => new SourceLine(t, _newline)));
            return;
        }

        if (kind == SectionKind.Description || (before.Span is null && after.Span is not null))
        {
            var at = kind == SectionKind.Description ? first : after.Span!.HeadingLine;
            Replace(at, at, [.. blockLines, string.Empty]);
            return;
        }

        var insertAfter = before.Span is not null ? before.Span.SectionEnd - 1 : last;
        while (insertAfter > 0 && texts[insertAfter].Trim().Length == 0)
        {
            insertAfter--;
        }

        if (insertAfter == last)
        {
            // Appending at the end: the old last line gains a newline if it had none, the new last line keeps the file's ending.
            var finalEnding = _lines[last].Ending;
            _lines[last] = _lines[last] with { Ending = _newline };
            var appended = new List<string> { string.Empty };
            appended.AddRange(blockLines);
            Replace(last + 1, last + 1, appended);
            var newLast = last + appended.Count;
            _lines[newLast] = _lines[newLast] with { Ending = finalEnding };
            return;
        }

        Replace(insertAfter + 1, insertAfter + 1, [string.Empty, .. blockLines]);
    }

    private static SectionSpan? LocateAny(List<string> texts, SectionKind kind)
    {
        var marked = SectionLocator.FindMarked(texts, kind, out _);
        if (marked.Count > 0)
        {
            return marked[^1];
        }

        return kind.IsChecklist ? SectionLocator.FindLegacyChecklist(texts, kind) : SectionLocator.FindLegacyText(texts, kind);
    }

    /// <summary>A section's rank in the CLI's order; sections backlog-jira manages come after all of the CLI's.</summary>
    private static int IndexOf(SectionKind kind) => SectionKind.CanonicalOrder.ToList().IndexOf(kind) is var rank and >= 0 ? rank : int.MaxValue;

    private static (int First, int Last) ContentBounds(List<string> texts)
    {
        var first = texts.FindIndex(t => t.Trim().Length > 0);
        var last = texts.FindLastIndex(t => t.Trim().Length > 0);
        return (first, last);
    }

    /// <summary>Removes lines [start, end) and one blank separator line so no double gap is left.</summary>
    private void RemoveSpan(int start, int end)
    {
        var texts = Texts;
        var (_, last) = ContentBounds(texts);
        if (end <= last && end < texts.Count && texts[end].Trim().Length == 0)
        {
            end++;
        }
        else if (start > 0 && texts[start - 1].Trim().Length == 0)
        {
            var ending = _lines[end - 1].Ending;
            start--;
            if (end > last)
            {
                // The section was last: the line before it becomes the last line and takes its ending.
                _lines[start - 1 >= 0 ? start - 1 : 0] = _lines[start - 1 >= 0 ? start - 1 : 0] with { Ending = ending };
            }
        }

        _lines.RemoveRange(start, end - start);
    }

    private void Replace(int start, int end, IEnumerable<string> newTexts)
    {
        _lines.RemoveRange(start, end - start);
        _lines.InsertRange(start, newTexts.Select(t => new SourceLine(t, _newline)));
    }

    private static void TrimBlankEdges(List<string> lines)
    {
        while (lines.Count > 0 && lines[0].Trim().Length == 0)
        {
            lines.RemoveAt(0);
        }

        while (lines.Count > 0 && lines[^1].Trim().Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
    }
}

/// <summary>An edit that cannot be written without losing or corrupting data; nothing was written.</summary>
public sealed class TaskEditException : Exception
{
    public TaskEditException(string message) : base(message)
    {
    }

    public TaskEditException()
    {
    }

    public TaskEditException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
