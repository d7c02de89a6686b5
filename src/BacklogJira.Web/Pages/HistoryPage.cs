using System.Text;
using System.Text.Json.Nodes;
using static BacklogJira.Web.Rendering.Html;

namespace BacklogJira.Web.Pages;

/// <summary>The ops log, newest first: when, what, which pair, the outcome and the fields.</summary>
internal static class HistoryPage
{
    public static string Render(IReadOnlyList<JsonNode> operations) => "<h1>History</h1>" + List(operations);

    public static string List(IReadOnlyList<JsonNode> operations)
    {
        if (operations.Count == 0) return "<p>Nothing synced yet.</p>";
        var html = new StringBuilder("<ol class=\"history\" reversed>");
        foreach (var op in operations.Reverse())
        {
            if (op["unreadable"] is { } line) { html.Append("<li>").Append(E(line.ToString())).Append("</li>"); continue; }
            var fields = op["fields"] is JsonArray list ? string.Join(", ", list.Select(f => f?.ToString())) : "";
            html.Append("<li><time>").Append(E(Text(op, "ts"))).Append("</time> ").Append(E(Text(op, "op"))).Append(' ')
                .Append(E(Text(op, "backlogId"))).Append(" ⇄ ").Append(E(Text(op, "jiraKey"))).Append(": ").Append(E(Text(op, "outcome")));
            if (fields.Length > 0) html.Append(" (").Append(E(fields)).Append(')');
            if (Text(op, "details") is { Length: > 0 } details) html.Append(" — ").Append(E(details));
            html.Append("</li>");
        }
        return html.Append("</ol>").ToString();
    }

    private static string Text(JsonNode op, string name) => op[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
}
