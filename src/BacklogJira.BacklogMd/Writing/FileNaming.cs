using System.Text;
using System.Text.RegularExpressions;

namespace BacklogJira.BacklogMd.Writing;

/// <summary>The CLI's task file names (docs/reference/backlog-md.md §1.4): <c>&lt;id lower-cased&gt; - &lt;sanitized title&gt;.md</c>.</summary>
public static partial class FileNaming
{
    public static string TaskFileName(string id, string title)
    {
        ArgumentNullException.ThrowIfNull(id);
        return $"{id.ToLowerInvariant()} - {SanitizeTitle(title)}.md";
    }

    public static string SanitizeTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var builder = new StringBuilder(title.Length);
        foreach (var c in title)
        {
            if (c is '<' or '>' or ':' or '"' or '/' or '\\' or '|' or '?' or '*')
            {
                builder.Append('-');
            }
            else if (c is not ('\'' or '(' or ')' or ',' or '!' or '@' or '#' or '$' or '%' or '^' or '&' or '+' or '=' or '[' or ']' or '{' or '}' or ';'))
            {
                builder.Append(c);
            }
        }

        var slug = Dashes().Replace(Whitespace().Replace(builder.ToString(), "-"), "-").Trim('-');
        return slug.Length == 0 ? "untitled" : slug;
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    [GeneratedRegex("-+", RegexOptions.CultureInvariant)]
    private static partial Regex Dashes();
}
