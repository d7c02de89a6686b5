using System.Text;
using BacklogJira.Operations;
using BacklogJira.Sync.Engine;
using static BacklogJira.Web.Rendering.Html;

namespace BacklogJira.Web.Pages;

/// <summary>The board of pairs: counts by state (each a filter), a state filter and a search box (plain GET forms,
/// so they work without script and can be bookmarked), and one row per task with its state, what it needs, and for an
/// unmapped task the Create issue and Link actions.</summary>
internal static class BoardPage
{
    public static string Render(IReadOnlyList<BoardRow> rows, string? state, string? search, string csrf, Func<string, string> browse)
    {
        var shown = rows.Where(r => state is not { Length: > 0 } || PairText.State(r.Pair) == state)
            .Where(r => search is not { Length: > 0 } || Matches(r, search.Trim())).ToList();
        var html = new StringBuilder("<h1>Pairs</h1>");
        html.Append("<p class=\"counts\" aria-label=\"Counts by state\">").Append(rows.Count).Append(rows.Count == 1 ? " task" : " tasks");
        foreach (var group in rows.GroupBy(r => PairText.State(r.Pair)).OrderBy(g => g.Key, StringComparer.Ordinal))
            html.Append(" · <a class=\"state ").Append(E(group.Key)).Append("\" href=\"/?state=").Append(E(group.Key)).Append("\">").Append(group.Count()).Append(' ').Append(E(group.Key)).Append("</a>");
        html.Append("</p>");

        html.Append("<form method=\"get\" action=\"/\" class=\"filters\" role=\"search\"><label>State <select name=\"state\"><option value=\"\">any</option>");
        foreach (var name in Enum.GetValues<PairState>().Select(PairStateNames.Name).Append("failed").Distinct())
            html.Append("<option").Append(name == state ? " selected" : "").Append('>').Append(E(name)).Append("</option>");
        html.Append("</select></label> <label>Search <input type=\"search\" name=\"q\" value=\"").Append(E(search)).Append("\" placeholder=\"id, key or title\"></label> <button type=\"submit\">Filter</button>");
        if (state is { Length: > 0 } || search is { Length: > 0 }) html.Append(" <a href=\"/\">Clear</a>");
        html.Append("</form>");

        if (shown.Count == 0)
        {
            html.Append(rows.Count == 0 ? "<p>No tasks yet: create one with <code>backlog task create</code>, or import issues.</p>" : "<p>No task matches.</p>");
            return html.ToString();
        }
        html.Append("<table class=\"pairs\"><caption>").Append(shown.Count).Append(" shown</caption><thead><tr><th scope=\"col\">Task</th><th scope=\"col\">Title</th><th scope=\"col\">Jira</th><th scope=\"col\">State</th><th scope=\"col\">Needs</th><th scope=\"col\">Actions</th></tr></thead><tbody>");
        foreach (var row in shown)
        {
            var pair = row.Pair;
            var name = PairText.State(pair);
            html.Append("<tr data-task=\"").Append(E(row.TaskId)).Append("\" data-state=\"").Append(E(name)).Append("\"><td><a href=\"/pair/").Append(E(row.TaskId)).Append("\">").Append(E(row.TaskId)).Append("</a></td>")
                .Append("<td>").Append(E(row.Title)).Append("</td><td>");
            if (pair.JiraKey is { } key) html.Append("<a href=\"").Append(E(browse(key))).Append("\" rel=\"noreferrer\">").Append(E(key)).Append("</a>");
            html.Append("</td><td><span class=\"state ").Append(E(name)).Append("\">").Append(E(name)).Append("</span></td><td>").Append(E(PairText.Summary(pair))).Append("</td><td>");
            if (pair.State == PairState.Unmapped) html.Append(UnmappedActions(row.TaskId, csrf));
            else if (pair.JiraKey is not null) html.Append("<a href=\"/pair/").Append(E(row.TaskId)).Append("\">Open</a>");
            html.Append("</td></tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>Create issue, or link to an existing issue by key.</summary>
    public static string UnmappedActions(string taskId, string csrf) =>
        Form($"/task/{taskId}/create-issue", csrf, "Create issue", css: "inline") +
        Form($"/task/{taskId}/link", csrf, "Link",
            $"<label>Issue key <input name=\"key\" required pattern=\"[A-Za-z][A-Za-z0-9_]*-[0-9]+\" size=\"10\" aria-label=\"Issue key to link {E(taskId)} to\"></label>", css: "inline")
        + $"<a href=\"/task/{E(taskId)}/link\">Find an issue…</a>";

    private static bool Matches(BoardRow row, string search) =>
        row.TaskId.Contains(search, StringComparison.OrdinalIgnoreCase) || row.Title.Contains(search, StringComparison.OrdinalIgnoreCase)
        || (row.Pair.JiraKey?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false);
}
