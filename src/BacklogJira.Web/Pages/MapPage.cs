using System.Globalization;
using System.Text;
using BacklogJira.Core.Mapping;
using static BacklogJira.Web.Rendering.Html;

namespace BacklogJira.Web.Pages;

/// <summary><c>map auto</c> in the browser: the pairs it proposes between unpaired tasks and unpaired issues (a key in
/// the title, or similar titles at or above the chosen score), each with a checkbox; the checked ones are paired.</summary>
internal static class MapPage
{
    public static string Render(IReadOnlyList<TitleMatch> proposals, double minScore, IReadOnlyDictionary<string, string> titles, string csrf)
    {
        var html = new StringBuilder("<h1>Suggested pairs</h1>");
        html.Append("<form method=\"get\" action=\"/map\" class=\"filters\"><label>Lowest title similarity <input name=\"min\" type=\"number\" min=\"0\" max=\"1\" step=\"0.05\" value=\"")
            .Append(minScore.ToString("0.##", CultureInfo.InvariantCulture)).Append("\"></label> <button type=\"submit\">Suggest</button></form>");
        if (proposals.Count == 0) return html.Append("<p id=\"map-empty\">No unpaired task matches an unpaired issue at this similarity.</p>").ToString();
        var rows = new StringBuilder("<table class=\"proposals\"><caption>").Append(proposals.Count).Append(" suggested</caption><thead><tr><th scope=\"col\">Pair</th><th scope=\"col\">Task</th><th scope=\"col\">Issue</th><th scope=\"col\">Why</th></tr></thead><tbody>");
        foreach (var match in proposals)
        {
            var id = $"pair-{match.TaskId}-{match.JiraKey}";
            rows.Append("<tr><td><input type=\"checkbox\" name=\"pair\" checked id=\"").Append(E(id)).Append("\" value=\"").Append(E($"{match.TaskId}={match.JiraKey}")).Append("\"></td>")
                .Append("<td><label for=\"").Append(E(id)).Append("\">").Append(E(match.TaskId)).Append(": ").Append(E(titles.GetValueOrDefault(match.TaskId))).Append("</label></td><td>")
                .Append(E(match.JiraKey)).Append("</td><td>").Append(E(match.Reason)).Append("</td></tr>");
        }
        rows.Append("</tbody></table><p class=\"hint\">A new pair writes nothing: its first sync compares both sides field by field.</p>");
        return html.Append(Form("/map", csrf, "Pair the checked ones", rows.ToString())).ToString();
    }
}
