using System.Text.RegularExpressions;

namespace BacklogJira.Core.Mapping;

/// <summary>What someone typed where a Jira issue key goes: a key (any case), or an issue's address pasted from the
/// browser (<c>…/browse/PROJ-12</c>, <c>…?selectedIssue=PROJ-12</c>, <c>…/issues/PROJ-12</c>), from which the key is
/// taken. Anything else is refused with what a key looks like, before Jira is asked (an answer "not visible to you"
/// would send the user after permissions). Keys: a letter, then letters, digits or underscores, a dash, digits
/// (docs/reference/jira.md §2.1).</summary>
public static partial class IssueKeyInput
{
    public sealed record Parsed(string? Key, string? Notice, string? Problem);

    public static Parsed Parse(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (Key().IsMatch(trimmed)) return new Parsed(trimmed.ToUpperInvariant(), null, null);
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var address) && address.Scheme is "http" or "https")
        {
            var fromQuery = SelectedIssue().Match(address.Query);
            var fromPath = address.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(segment => Key().IsMatch(segment));
            var key = fromQuery.Success ? fromQuery.Groups["key"].Value : fromPath;
            if (key is not null)
                return new Parsed(key.ToUpperInvariant(), $"Using {key.ToUpperInvariant()}, taken from the address {trimmed}.", null);
            return new Parsed(null, null, $"'{trimmed}' is an address without an issue key in it; give the key itself, like PROJ-123.");
        }
        return new Parsed(null, null, $"'{trimmed}' is not a Jira issue key; a key looks like PROJ-123 (project key, a dash, the issue number).");
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*-[0-9]+$")]
    private static partial Regex Key();

    [GeneratedRegex(@"(?:^|[?&])selectedIssue=(?<key>[A-Za-z][A-Za-z0-9_]*-[0-9]+)")]
    private static partial Regex SelectedIssue();
}
