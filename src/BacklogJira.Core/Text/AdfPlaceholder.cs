using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BacklogJira.Core.Text;

/// <summary>
/// ADF nodes with no Markdown form travel through Markdown as an HTML comment holding the node's JSON
/// (docs/reference/jira.md §3.3 option b), so a round trip through a task file gives the same node back. The default
/// encoder escapes <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c>, so the JSON can never contain the comment's end.
/// </summary>
public static partial class AdfPlaceholder
{
    private const string Prefix = "<!--adf:";
    private const string Suffix = "-->";

    public static string Wrap(JsonNode node) => Prefix + node.ToJsonString(new JsonSerializerOptions()) + Suffix;

    public static JsonObject? TryUnwrap(string html)
    {
        var match = PlaceholderPattern().Match(html.Trim());
        if (!match.Success) return null;
        try { return JsonNode.Parse(match.Groups["json"].Value) as JsonObject; }
        catch (JsonException) { return null; }
    }

    [GeneratedRegex(@"^<!--adf:(?<json>\{.*\})-->$", RegexOptions.Singleline)]
    private static partial Regex PlaceholderPattern();
}
