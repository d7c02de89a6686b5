using System.Text;
using BacklogJira.Operations;
using static BacklogJira.Web.Rendering.Html;

namespace BacklogJira.Web.Pages;

/// <summary>Linking a task to an issue found by words, a key or JQL: the search box, the issues found (those already
/// paired say with which task) and a Link button on each free one.</summary>
internal static class LinkPage
{
    public static string Render(string taskId, string title, string? query, IReadOnlyList<IssueFound>? found, string csrf)
    {
        var html = new StringBuilder("<h1>Link ").Append(E(taskId)).Append(" to an issue</h1><p>").Append(E(title)).Append("</p>");
        html.Append("<form method=\"get\" action=\"/task/").Append(E(taskId)).Append("/link\" role=\"search\"><label for=\"q\">Words, key or JQL</label> <input id=\"q\" name=\"q\" size=\"50\" value=\"")
            .Append(E(query)).Append("\"> <button type=\"submit\">Search</button></form>");
        if (found is null) return html.ToString();
        if (found.Count == 0) return html.Append("<p id=\"link-empty\">No issue found.</p>").ToString();
        html.Append("<table class=\"found\"><caption>").Append(found.Count).Append(" found</caption><thead><tr><th scope=\"col\">Issue</th><th scope=\"col\">Summary</th><th scope=\"col\">Status</th><th scope=\"col\">Link</th></tr></thead><tbody>");
        foreach (var issue in found)
        {
            html.Append("<tr data-key=\"").Append(E(issue.Key)).Append("\"><td>").Append(E(issue.Key)).Append("</td><td>").Append(E(issue.Summary)).Append("</td><td>").Append(E(issue.Status)).Append("</td><td>");
            html.Append(issue.PairedWith is { } other ? $"paired with <a href=\"/pair/{E(other)}\">{E(other)}</a>"
                : Form($"/task/{taskId}/link", csrf, "Link", hidden: [("key", issue.Key)], css: "inline"));
            html.Append("</td></tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }
}
