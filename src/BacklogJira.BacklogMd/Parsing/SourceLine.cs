namespace BacklogJira.BacklogMd.Parsing;

/// <summary>One line of a file and the exact line ending that followed it ("\n", "\r\n", "\r" or "" for the last line).</summary>
public readonly record struct SourceLine(string Text, string Ending)
{
    public static IReadOnlyList<SourceLine> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<SourceLine>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                lines.Add(new SourceLine(text[start..i], "\n"));
                start = i + 1;
            }
            else if (c == '\r')
            {
                var crlf = i + 1 < text.Length && text[i + 1] == '\n';
                lines.Add(new SourceLine(text[start..i], crlf ? "\r\n" : "\r"));
                if (crlf)
                {
                    i++;
                }

                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(new SourceLine(text[start..], ""));
        }

        return lines;
    }

    public static string Join(IEnumerable<SourceLine> lines) => string.Concat(lines.Select(l => l.Text + l.Ending));
}
