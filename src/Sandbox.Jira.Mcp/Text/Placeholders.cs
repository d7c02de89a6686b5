using System.Text.RegularExpressions;

namespace Sandbox.Jira.Mcp.Text;

/// <summary>mcp-atlassian's way of keeping code out of its regular expressions: each match is replaced by a NUL-delimited
/// placeholder, converted, and put back at the end (preprocessing/base.py, <c>_extract_blocks</c>).</summary>
internal sealed class Placeholders(string prefix)
{
    private readonly List<string> _stored = [];

    public string Extract(string text, Regex pattern, Func<Match, string> transform) =>
        pattern.Replace(text, match =>
        {
            _stored.Add(transform(match));
            return "\0" + prefix + (_stored.Count - 1) + "\0";
        });

    /// <summary>Highest index first, so placeholder 1 never matches inside placeholder 10.</summary>
    public string Restore(string text)
    {
        for (var i = _stored.Count - 1; i >= 0; i--) text = text.Replace("\0" + prefix + i + "\0", _stored[i], StringComparison.Ordinal);
        return text;
    }
}
