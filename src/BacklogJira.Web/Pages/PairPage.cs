using System.Text;
using System.Text.Json.Nodes;
using BacklogJira.Core.Merge;
using BacklogJira.Operations;
using BacklogJira.Sync.Engine;
using BacklogJira.Web.Rendering;
using static BacklogJira.Web.Rendering.Html;

namespace BacklogJira.Web.Pages;

/// <summary>One pair side by side: each field as Backlog.md holds it, as last agreed, and as Jira holds it, with the
/// words that differ marked; Push, Pull and Sync (each shows its plan first); the conflicts, settled field by field;
/// what waits and why; the task's history from the ops log.</summary>
internal static class PairPage
{
    public static string Render(PairOutcome pair, string title, IReadOnlyList<JsonNode> history, string csrf, string browse)
    {
        var html = new StringBuilder();
        html.Append("<h1>").Append(E(pair.TaskId)).Append(" ⇄ <a href=\"").Append(E(browse)).Append("\" rel=\"noreferrer\">").Append(E(pair.JiraKey)).Append("</a>");
        if (title.Length > 0) html.Append(": ").Append(E(title));
        var state = PairText.State(pair);
        html.Append("</h1><p>State: <span class=\"state ").Append(E(state)).Append("\" id=\"pair-state\">").Append(E(state)).Append("</span>");
        if (PairText.Summary(pair) is { Length: > 0 } summary) html.Append(" — ").Append(E(summary));
        html.Append("</p>");

        html.Append("<div class=\"actions\" role=\"group\" aria-label=\"Write\">");
        foreach (var (mode, label) in new[] { ("push", "Push to Jira"), ("pull", "Pull from Jira"), ("sync", "Sync both ways") })
            html.Append("<form method=\"get\" action=\"/pair/").Append(E(pair.TaskId)).Append("/plan\" class=\"inline\"><input type=\"hidden\" name=\"mode\" value=\"").Append(mode).Append("\"><button type=\"submit\">").Append(label).Append("…</button></form>");
        html.Append("</div><p class=\"hint\">Each shows what it would write first; nothing is written until you apply that plan.</p>");

        html.Append("<table class=\"fields\"><caption>Fields</caption><thead><tr><th scope=\"col\">Field</th><th scope=\"col\">Backlog.md</th><th scope=\"col\">Last agreed</th><th scope=\"col\">Jira</th><th scope=\"col\">Merge</th></tr></thead><tbody>");
        foreach (var field in pair.Fields)
        {
            // A field in sync is shown plainly even when the sides spell it differently (a section Jira does not hold).
            var differs = field.Backlog != field.Jira && field.Decision.Action != FieldAction.InSync;
            html.Append("<tr data-field=\"").Append(E(field.Field)).Append('"').Append(differs ? " class=\"differs\"" : "").Append('>').Append("<th scope=\"row\">").Append(E(field.Field)).Append("</th>")
                .Append("<td>").Append(Text(field.Backlog)).Append("</td><td>").Append(field.Agreed is { } agreed ? Text(agreed) : "<span class=\"none\">never agreed</span>").Append("</td><td>");
            // Jira's value with the words it has that Backlog lacks marked inserted, and those it lacks marked deleted.
            html.Append(differs ? WordDiff.ToHtml(WordDiff.Compare(field.Backlog, field.Jira)) : Text(field.Jira));
            html.Append("</td><td>").Append(E(Action(field.Decision))).Append("</td></tr>");
        }
        html.Append("</tbody></table><p class=\"hint\">In the Jira column, <ins>inserted</ins> words are Jira's only, <del>deleted</del> ones Backlog's only.</p>");

        var conflicts = pair.Fields.Where(f => f.Decision.Action == FieldAction.Conflict).ToList();
        if (conflicts.Count > 0)
        {
            var controls = new StringBuilder("<h2>Conflicts</h2><p>Both sides changed these fields differently since they last agreed. Choose, per field, which value both sides take.</p>");
            foreach (var field in conflicts)
            {
                var name = "choice." + field.Field;
                controls.Append("<fieldset><legend>").Append(E(field.Field)).Append("</legend>")
                    .Append("<label><input type=\"radio\" name=\"").Append(E(name)).Append("\" value=\"backlog\"> Take Backlog.md: <span class=\"value short\">").Append(E(field.Backlog)).Append("</span></label>")
                    .Append("<label><input type=\"radio\" name=\"").Append(E(name)).Append("\" value=\"jira\"> Take Jira: <span class=\"value short\">").Append(E(field.Jira)).Append("</span></label>")
                    .Append("<label><input type=\"radio\" name=\"").Append(E(name)).Append("\" value=\"leave\" checked> Leave it for now</label>");
                if (PairOperations.EditableFields.Contains(field.Field))
                {
                    // Written by hand (a merge of both): the task takes it, then Jira.
                    var box = "edit." + field.Field;
                    controls.Append("<label><input type=\"radio\" name=\"").Append(E(name)).Append("\" value=\"edit\"> Write the value both take:</label>")
                        .Append("<textarea name=\"").Append(E(box)).Append("\" rows=\"").Append(Math.Clamp(field.Backlog.Split('\n').Length + 1, 2, 12)).Append("\" aria-label=\"The value both sides take for ").Append(E(field.Field)).Append("\">")
                        .Append(E(field.Backlog)).Append("</textarea>");
                }
                controls.Append("</fieldset>");
            }
            html.Append("<section class=\"conflicts\">").Append(Form($"/pair/{pair.TaskId}/resolve", csrf, "Settle the chosen fields", controls.ToString())).Append("</section>");
        }

        if (pair.Waiting.Count > 0)
        {
            html.Append("<h2>Waiting</h2><ul>");
            foreach (var wait in pair.Waiting) html.Append("<li><strong>").Append(E(wait.Field)).Append("</strong> (").Append(E(wait.Direction)).Append("): ").Append(E(wait.Reason)).Append("</li>");
            html.Append("</ul>");
        }
        if (pair.Warnings.Count > 0)
        {
            html.Append("<h2>Warnings</h2><ul>");
            foreach (var warning in pair.Warnings) html.Append("<li>").Append(E(warning)).Append("</li>");
            html.Append("</ul>");
        }
        html.Append("<h2>History</h2>").Append(HistoryPage.List(history));
        return html.ToString();
    }

    private static string Action(FieldDecision decision) => decision.Action switch
    {
        FieldAction.InSync => "in sync",
        FieldAction.PushToJira => "push",
        FieldAction.PullToBacklog => "pull",
        FieldAction.MergeBoth => "merge both ways",
        FieldAction.Conflict => "conflict",
        FieldAction.LeftForPull => "pull (left by push)",
        FieldAction.LeftForPush => "push (left by pull)",
        FieldAction.CannotPush => "waits: " + decision.Reason,
        FieldAction.CannotPull => "waits: " + decision.Reason,
        _ => decision.Action.ToString(),
    };
}
