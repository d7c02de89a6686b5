using System.Text;
using System.Text.Encodings.Web;

namespace BacklogJira.Web.Rendering;

/// <summary>The page frame and the few HTML pieces every page uses. Every text that comes from a task, an issue or an
/// error goes through <see cref="E"/>; nothing else is ever inserted as markup.</summary>
public static class Html
{
    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    /// <summary>A whole page: header with the navigation, the main content, our script and style (from the binary).</summary>
    public static string Page(string title, string main, string project, string? notice = null)
    {
        var page = new StringBuilder();
        page.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append(" · backlog-jira</title><link rel=\"stylesheet\" href=\"/assets/ui.css\"><script src=\"/assets/ui.js\" defer></script></head><body>")
            .Append("<a class=\"skip\" href=\"#main\">Skip to content</a><header><nav aria-label=\"Main\"><a href=\"/\" class=\"brand\">backlog-jira</a> ")
            .Append("<a href=\"/\">Pairs</a> <a href=\"/map\">Suggested pairs</a> <a href=\"/import\">Import</a> <a href=\"/history\">History</a></nav><p class=\"project\">").Append(E(project)).Append("</p></header>")
            .Append("<main id=\"main\" data-live=\"/events\">");
        if (notice is { Length: > 0 }) page.Append("<p class=\"notice\" role=\"status\">").Append(E(notice)).Append("</p>");
        page.Append(main).Append("</main></body></html>");
        return page.ToString();
    }

    /// <summary>A page with no navigation (refusals: no session yet).</summary>
    public static string Bare(string title, string main) =>
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{E(title)} · backlog-jira</title></head><body><main>{main}</main></body></html>";

    /// <summary>A POST form of this UI: the anti-CSRF value, hidden fields, the controls and one button.</summary>
    public static string Form(string action, string csrf, string button, string controls = "", IEnumerable<(string Name, string Value)>? hidden = null, string css = "")
    {
        var form = new StringBuilder();
        form.Append("<form method=\"post\" action=\"").Append(E(action)).Append('"').Append(css.Length > 0 ? $" class=\"{E(css)}\"" : "").Append('>')
            .Append("<input type=\"hidden\" name=\"csrf\" value=\"").Append(E(csrf)).Append("\">");
        foreach (var (name, value) in hidden ?? []) form.Append("<input type=\"hidden\" name=\"").Append(E(name)).Append("\" value=\"").Append(E(value)).Append("\">");
        form.Append(controls).Append("<button type=\"submit\">").Append(E(button)).Append("</button></form>");
        return form.ToString();
    }

    /// <summary>Multi-line text kept as it is (pre-wrapped), encoded.</summary>
    public static string Text(string text) => $"<div class=\"value\">{E(text)}</div>";
}
