using System.Text.RegularExpressions;

namespace BacklogJira.BacklogMd.Parsing;

/// <summary>
/// The CLI's read-time leniency (docs/reference/backlog-md.md §2.4, parser.ts <c>preprocessFrontmatter</c>): it rewrites a few frontmatter lines
/// before YAML parsing so that <c>reporter: @carol</c>, <c>assignee: [@bob]</c> and an unquoted <c>due_date</c> parse.
/// Output has exactly one line per input line, so YAML error positions still point at the file.
/// </summary>
public static partial class FrontmatterPreprocessor
{
    public static string Apply(IEnumerable<string> frontmatterLines) =>
        string.Join('\n', frontmatterLines.Select(RewriteLine));

    private static string RewriteLine(string line)
    {
        var person = PersonKey().Match(line);
        if (person.Success)
        {
            var value = person.Groups["value"].Value;
            var head = line[..person.Groups["value"].Index];
            if (value.StartsWith('['))
            {
                return head + AtItemInFlowList().Replace(value, m => m.Groups["lead"].Value + Quote(m.Groups["item"].Value.TrimEnd()) + m.Groups["trail"].Value);
            }

            if (value.Length > 0 && value[0] is not ('\'' or '"' or '-'))
            {
                return head + Quote(value.TrimEnd());
            }

            return line;
        }

        var due = DueDateKey().Match(line);
        if (due.Success)
        {
            var value = due.Groups["value"].Value.TrimEnd();
            if (value.Length == 0 || value is "null" or "~" || value[0] is '\'' or '"')
            {
                return line;
            }

            return line[..due.Groups["value"].Index] + Quote(value);
        }

        return line;
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    [GeneratedRegex(@"^(?:assignee|reporter)\s*:\s*(?<value>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex PersonKey();

    [GeneratedRegex(@"(?<lead>[\[,]\s*)(?<item>@[^,\]]*)(?<trail>\s*(?=[,\]]))", RegexOptions.CultureInvariant)]
    private static partial Regex AtItemInFlowList();

    [GeneratedRegex(@"^(?:due_date|'due_date'|""due_date"")\s*:\s*(?<value>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex DueDateKey();
}
