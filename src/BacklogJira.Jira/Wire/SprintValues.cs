using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BacklogJira.Core.Ports;

namespace BacklogJira.Jira.Wire;

/// <summary>
/// Reads the Sprint field (docs/reference/jira.md §11) in both of Jira's forms: objects (<c>{"id", "name", "state"}</c>,
/// Cloud since 2020) and the <c>toString</c> form Data Center returns
/// (<c>com.atlassian.greenhopper.service.sprint.Sprint@1bf75fd[id=1,rapidViewId=1,state=CLOSED,name=Sprint 1,…]</c>).
/// An item in neither form is left out rather than guessed.
/// </summary>
internal static partial class SprintValues
{
    /// <summary>The plugin key of Jira Software's Sprint field.</summary>
    public const string FieldType = "com.pyxis.greenhopper.jira:gh-sprint";

    public static IReadOnlyList<JiraSprint> Parse(JsonNode? value) =>
        [.. (value as JsonArray ?? []).Select(item => item switch
        {
            JsonObject sprint => FromObject(sprint),
            JsonValue text when text.GetValueKind() == JsonValueKind.String => FromText(text.GetValue<string>()),
            _ => null,
        }).OfType<JiraSprint>()];

    private static JiraSprint? FromObject(JsonObject sprint) =>
        long.TryParse(JiraReader.Text(sprint["id"]), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && JiraReader.Text(sprint["name"]) is { } name
            ? new JiraSprint(id, name, (JiraReader.Text(sprint["state"]) ?? "").ToLowerInvariant())
            : null;

    private static JiraSprint? FromText(string text)
    {
        var open = text.IndexOf('[', StringComparison.Ordinal);
        var close = text.LastIndexOf(']');
        if (open < 0 || close <= open) return null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in Separator().Split(text[(open + 1)..close]))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0) values[pair[..equals]] = pair[(equals + 1)..];
        }
        return values.TryGetValue("id", out var idText) && long.TryParse(idText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && values.TryGetValue("name", out var name)
            ? new JiraSprint(id, name, values.GetValueOrDefault("state", "").ToLowerInvariant())
            : null;
    }

    /// <summary>A comma that starts the next <c>key=</c>; a comma inside a sprint name is kept.</summary>
    [GeneratedRegex(@",(?=[A-Za-z]+=)")]
    private static partial Regex Separator();
}
