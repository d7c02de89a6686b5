using System.Text;
using BacklogJira.Sync.Engine;
using static BacklogJira.Web.Rendering.Html;

namespace BacklogJira.Web.Pages;

/// <summary>Import by JQL: the query box (empty: the config's <c>jira.jqlFilter</c>, else the project), the preview of
/// the tasks it would create, and the import of exactly those; after it, what was created.</summary>
internal static class ImportPage
{
    public static string Render(string? jql, IReadOnlyList<PairOutcome>? preview, string csrf)
    {
        var html = new StringBuilder("<h1>Import issues</h1>");
        html.Append("<form method=\"get\" action=\"/import\" role=\"search\"><label for=\"jql\">JQL</label> <input id=\"jql\" name=\"jql\" size=\"60\" value=\"")
            .Append(E(jql)).Append("\" placeholder=\"project = DEMO AND statusCategory != Done\"> <button type=\"submit\">Preview</button></form>")
            .Append("<p class=\"hint\">Empty: the config's jira.jqlFilter, else the whole project. Issues already paired are left out.</p>");
        if (preview is null) return html.ToString();
        if (preview.Count == 0) return html.Append("<p id=\"import-empty\">No issue to import: every match is already paired.</p>").ToString();
        html.Append("<table class=\"preview\"><caption>").Append(preview.Count).Append(preview.Count == 1 ? " task" : " tasks").Append(" would be created</caption><thead><tr><th scope=\"col\">Issue</th><th scope=\"col\">Title</th><th scope=\"col\">Notes</th></tr></thead><tbody>");
        foreach (var issue in preview)
            html.Append("<tr><td>").Append(E(issue.JiraKey)).Append("</td><td>").Append(E(issue.Changes.Count > 0 ? issue.Changes[0].NewValue : "")).Append("</td><td>").Append(E(string.Join("; ", issue.Warnings))).Append("</td></tr>");
        html.Append("</tbody></table>");
        return html.Append(Form("/import", csrf, $"Import {preview.Count} {(preview.Count == 1 ? "issue" : "issues")}", hidden: [("jql", jql ?? "")])).ToString();
    }

    public static string Done(IReadOnlyList<PairOutcome> created)
    {
        var made = created.Where(c => !c.Failed).ToList();
        var html = new StringBuilder("<h1>Imported</h1><p id=\"import-done\">").Append(made.Count).Append(made.Count == 1 ? " task created." : " tasks created.").Append("</p><ul>");
        foreach (var pair in created)
            html.Append("<li>").Append(pair.Failed ? E($"{pair.JiraKey}: {pair.Error}") : $"<a href=\"/pair/{E(pair.TaskId)}\">{E(pair.TaskId)}</a> ⇄ {E(pair.JiraKey)}").Append("</li>");
        return html.Append("</ul>").ToString();
    }
}
