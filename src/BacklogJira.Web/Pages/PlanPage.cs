using System.Text;
using BacklogJira.Operations;
using BacklogJira.Sync.Engine;
using static BacklogJira.Web.Rendering.Html;

namespace BacklogJira.Web.Pages;

/// <summary>A push, pull or sync as a plan: every write it would make (field, direction, old and new value), what stays
/// in conflict or waits, and one button that applies exactly this plan. The form carries the plan's basis; applying
/// refuses when either side changed since (docs/web-ui.md).</summary>
internal static class PlanPage
{
    public static string Render(string taskId, SyncPlan plan, string csrf)
    {
        var mode = plan.Mode.ToString().ToLowerInvariant();
        var html = new StringBuilder("<h1>").Append(E(Capital(mode))).Append(' ').Append(E(taskId)).Append(": the plan</h1>");
        var changes = plan.Pairs.SelectMany(p => p.Changes).ToList();
        if (changes.Count == 0) html.Append("<p id=\"plan-empty\">Nothing to write.</p>");
        else
        {
            html.Append("<table class=\"plan\"><caption>").Append(changes.Count).Append(changes.Count == 1 ? " write" : " writes").Append("</caption><thead><tr><th scope=\"col\">Field</th><th scope=\"col\">Direction</th><th scope=\"col\">Now</th><th scope=\"col\">Becomes</th></tr></thead><tbody>");
            foreach (var change in changes)
                html.Append("<tr data-field=\"").Append(E(change.Field)).Append("\"><th scope=\"row\">").Append(E(change.Field)).Append("</th><td>").Append(E(change.Direction)).Append("</td><td>")
                    .Append(Text(change.OldValue)).Append("</td><td>").Append(Text(change.NewValue)).Append("</td></tr>");
            html.Append("</tbody></table>");
        }
        foreach (var pair in plan.Pairs)
        {
            if (pair.Conflicts.Count > 0) html.Append("<p>Stays in conflict: ").Append(E(string.Join(", ", pair.Conflicts))).Append(" (settle it on the pair's page).</p>");
            foreach (var wait in pair.Waiting) html.Append("<p>Waits: <strong>").Append(E(wait.Field)).Append("</strong>: ").Append(E(wait.Reason)).Append("</p>");
            if (pair.Error is { } error) html.Append("<p class=\"error\">").Append(E(error)).Append("</p>");
        }
        if (changes.Count > 0)
        {
            var hidden = new List<(string, string)> { ("mode", mode), ("strategy", plan.Strategy.ToString()) };
            hidden.AddRange(plan.Basis.Select(b => ("basis." + b.Key, b.Value)));
            html.Append(Form($"/pair/{taskId}/apply", csrf, $"Apply this plan ({changes.Count} {(changes.Count == 1 ? "write" : "writes")})", hidden: hidden));
        }
        return html.Append("<p><a href=\"/pair/").Append(E(taskId)).Append("\">Back to the pair</a></p>").ToString();
    }

    public static SyncMode? Mode(string? text) => text switch
    {
        "push" => SyncMode.Push,
        "pull" => SyncMode.Pull,
        "sync" => SyncMode.Sync,
        _ => null,
    };

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
