using System.Text;

namespace Sandbox.Jira.Rendering;

/// <summary>Text written into wiki markup so that it reads back as the same text: characters that open markup are
/// preceded by a backslash (docs/reference/jira.md §3.4), and nothing else is touched.</summary>
internal static class WikiEscaping
{
    public static string Escape(string text, bool atLineStart)
    {
        var output = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var lineStart = i == 0 ? atLineStart : text[i - 1] == '\n';
            var before = i == 0 ? ' ' : text[i - 1];
            var after = i + 1 < text.Length ? text[i + 1] : ' ';
            var escape = c switch
            {
                '{' or '}' or '[' or ']' or '|' or '!' => true,
                // A backslash stays as it is: before a letter it is literal; before markup or another backslash it
                // cannot be written at all ("\\" is a line break), a loss Jira's renderer has too.
                '*' or '_' or '-' or '+' or '^' or '~' => (!char.IsLetterOrDigit(before) && !char.IsWhiteSpace(after)) || (!char.IsWhiteSpace(before) && !char.IsLetterOrDigit(after)) || (lineStart && c is '*' or '-'),
                '#' => lineStart,
                'h' or 'b' => lineStart && (text.AsSpan(i).StartsWith("bq. ") || (text.Length > i + 2 && text[i + 1] is >= '1' and <= '6' && text[i + 2] == '.')),
                _ => false,
            };
            if (escape) output.Append('\\');
            output.Append(c);
        }
        return output.ToString();
    }
}
