using BacklogJira.Core.Merge;
using BacklogJira.Operations;
using BacklogJira.Web.Live;
using BacklogJira.Web.Pages;
using BacklogJira.Web.Rendering;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BacklogJira.Web;

/// <summary>
/// The web UI's routes (docs/web-ui.md), each a thin face over one operation: pages are GETs that write nothing, every
/// change is a POST form that answers with a redirect to the page showing its outcome (so a reload never repeats it).
/// An operation's refusal or failure is a page saying why and what to do, with the secrets of the run redacted.
/// </summary>
public sealed class UiEndpoints(UiContext ui)
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", http => Page(http, "Pairs", async token =>
            BoardPage.Render(await ui.Pairs.BoardAsync(token), Query(http, "state"), Query(http, "q"), ui.Session.Csrf, Browse), live: true));

        app.MapGet("/pair/{taskId}", (HttpContext http, string taskId) => Page(http, taskId, async token =>
        {
            var id = ui.Workspace.TaskId(taskId);
            var title = ui.Pairs.Titles().GetValueOrDefault(id) ?? throw new OperationRefusedException($"There is no task {taskId} in tasks/ or completed/.");
            if (!ui.Pairs.IsPaired(id))
                return $"<h1>{Html.E(id)}: {Html.E(title)}</h1><p>Not paired with a Jira issue yet.</p>" + BoardPage.UnmappedActions(id, ui.Session.Csrf);
            var pair = await ui.Pairs.ViewAsync(id, token);
            return PairPage.Render(pair, title, ui.Pairs.History(id, 20), ui.Session.Csrf, Browse(pair.JiraKey!));
        }, live: true));

        app.MapGet("/pair/{taskId}/plan", (HttpContext http, string taskId) => Page(http, "Plan", async token =>
        {
            var mode = PlanPage.Mode(Query(http, "mode")) ?? throw new OperationRefusedException("Choose push, pull or sync.");
            return PlanPage.Render(ui.Workspace.TaskId(taskId), await ui.Pairs.PlanAsync(mode, [ui.Workspace.TaskId(taskId)], ConflictStrategy.Manual, token), ui.Session.Csrf);
        }));

        app.MapPost("/pair/{taskId}/apply", (HttpContext http, string taskId) => Change(http, async (form, token) =>
        {
            var mode = PlanPage.Mode(form["mode"]) ?? throw new OperationRefusedException("The plan's mode is missing: make the plan again.");
            var strategy = Enum.TryParse<ConflictStrategy>(form["strategy"], out var parsed) ? parsed : ConflictStrategy.Manual;
            var basis = form.Keys.Where(k => k.StartsWith("basis.", StringComparison.Ordinal)).ToDictionary(k => k["basis.".Length..], k => form[k].ToString(), StringComparer.OrdinalIgnoreCase);
            var done = await ui.Pairs.ApplyAsync(mode, strategy, basis, token);
            return PairUrl(taskId, Outcome(done));
        }));

        app.MapPost("/pair/{taskId}/resolve", (HttpContext http, string taskId) => Change(http, async (form, token) =>
        {
            var choices = new Dictionary<string, ConflictChoice>(StringComparer.OrdinalIgnoreCase);
            var done = new List<BacklogJira.Sync.Engine.PairOutcome>();
            foreach (var key in form.Keys.Where(k => k.StartsWith("choice.", StringComparison.Ordinal)))
            {
                var field = key["choice.".Length..];
                switch (form[key].ToString())
                {
                    case "backlog": choices[field] = ConflictChoice.Backlog; break;
                    case "jira": choices[field] = ConflictChoice.Jira; break;
                    case "edit": done.Add(await ui.Pairs.SettleWithTextAsync(taskId, field, form["edit." + field].ToString(), token)); break;
                }
            }
            if (choices.Count > 0) done.Add(await ui.Pairs.ResolveAsync(taskId, choices, token));
            return PairUrl(taskId, done.Count == 0 ? "Nothing chosen: every conflict was left as it is." : Outcome(done));
        }));

        app.MapPost("/task/{taskId}/create-issue", (HttpContext http, string taskId) => Change(http, async (_, token) =>
            PairUrl(taskId, Outcome(await ui.Issues.CreateIssuesAsync([taskId], null, false, token), created: true))));

        app.MapPost("/task/{taskId}/link", (HttpContext http, string taskId) => Change(http, async (form, token) =>
        {
            var key = form["key"].ToString();
            if (key.Trim().Length == 0) throw new OperationRefusedException("Give the key of the issue to link, e.g. DEMO-12.");
            var mapping = await ui.Issues.LinkAsync(taskId, key, false, token);
            return PairUrl(mapping.TaskId, $"Linked {mapping.TaskId} to {mapping.JiraKey}. Nothing was written yet: the pair's first sync compares both sides.");
        }));

        app.MapGet("/task/{taskId}/link", (HttpContext http, string taskId) => Page(http, "Link", async token =>
        {
            var id = ui.Workspace.TaskId(taskId);
            var title = ui.Workspace.Store.Find(id)?.Title ?? throw new OperationRefusedException($"There is no task {id} in tasks/ or completed/.");
            var query = Query(http, "q");
            var found = query is null ? null : await ui.Issues.SearchIssuesAsync(query, 25, token);
            return LinkPage.Render(id, title, query, found, ui.Session.Csrf);
        }));

        app.MapGet("/map", http => Page(http, "Suggested pairs", async token =>
        {
            var min = double.TryParse(Query(http, "min"), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 0.8;
            var proposals = await ui.Issues.ProposePairsAsync(min, token);
            return MapPage.Render(proposals, min, ui.Pairs.Titles(), ui.Session.Csrf);
        }));

        app.MapPost("/map", http => Change(http, async (form, token) =>
        {
            var linked = new List<string>();
            foreach (var pair in form["pair"].Select(p => (p ?? "").Split('=', 2)).Where(p => p.Length == 2))
            {
                var mapping = await ui.Issues.LinkAsync(pair[0], pair[1], false, token);
                linked.Add($"{mapping.TaskId} ⇄ {mapping.JiraKey}");
            }
            return "/?notice=" + Uri.EscapeDataString(linked.Count == 0 ? "Nothing checked: no pair made." : $"Paired {string.Join(", ", linked)}. Nothing was written yet: each pair's first sync compares both sides.");
        }));

        app.MapGet("/import", http => Page(http, "Import", async token =>
        {
            var jql = Query(http, "jql");
            var preview = http.Request.Query.ContainsKey("jql") ? await ui.Issues.ImportAsync(jql, true, token) : null;
            return ImportPage.Render(jql, preview, ui.Session.Csrf);
        }));

        app.MapPost("/import", http => Page(http, "Imported", async token =>
        {
            var form = await http.Request.ReadFormAsync(token);
            var created = await ui.Issues.ImportAsync(form["jql"].ToString(), false, token);
            ui.Feed.Touch();
            return ImportPage.Done(created);
        }));

        app.MapGet("/history", http => Page(http, "History", History));

        app.MapGet("/events", ServerEvents.StreamAsync(ui.Feed));

        app.MapGet("/assets/{name}", (HttpContext http, string name) => Asset(http, name));
    }

    private Task<string> History(CancellationToken cancellationToken) => Task.FromResult(HistoryPage.Render(ui.Pairs.History(null, 200)));

    private string Browse(string key) => $"{ui.Workspace.BrowseBase.TrimEnd('/')}/browse/{Uri.EscapeDataString(key)}";

    private static string? Query(HttpContext http, string name) => http.Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;

    private static string PairUrl(string taskId, string notice) => $"/pair/{Uri.EscapeDataString(taskId)}?notice={Uri.EscapeDataString(notice)}";

    /// <summary>What a write did, in one line per pair (the CLI's words).</summary>
    private static string Outcome(IReadOnlyList<BacklogJira.Sync.Engine.PairOutcome> done, bool created = false)
    {
        if (done.Count == 0) return "Nothing to do.";
        return string.Join(" ", done.Select(o => o.Error is { } error ? $"{o.TaskId}: {error}"
            : created && o.JiraKey is { } key ? $"Created {key} for {o.TaskId}."
            : o.Changed ? o.ChangeLine() + "." : $"{o.TaskId} ⇄ {o.JiraKey}: nothing to write."));
    }

    /// <summary>A GET page: rendered, or an error page saying why.</summary>
    private async Task Page(HttpContext http, string title, Func<CancellationToken, Task<string>> render, bool live = false)
    {
        string main;
        try
        {
            main = await render(http.RequestAborted);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            http.Response.StatusCode = Status(error);
            main = ErrorHtml(error);
            live = false;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        var page = Html.Page(title, main, ui.ProjectName, Query(http, "notice") is { } notice ? ui.Redact(notice) : null);
        await http.Response.WriteAsync(live ? page : page.Replace(" data-live=\"/events\"", "", StringComparison.Ordinal), http.RequestAborted);
    }

    /// <summary>A POST change: done, then a redirect to the page showing its outcome; or an error page.</summary>
    private async Task Change(HttpContext http, Func<IFormCollection, CancellationToken, Task<string>> change)
    {
        try
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var next = await change(form, http.RequestAborted);
            ui.Feed.Touch();
            http.Response.Redirect(next);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            http.Response.StatusCode = Status(error);
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(Html.Page("Not done", ErrorHtml(error), ui.ProjectName), http.RequestAborted);
        }
    }

    private string ErrorHtml(Exception error)
    {
        var known = error is OperationRefusedException or PlanDriftException or WritesNotAllowedException || error.GetType().Name.EndsWith("ConfigException", StringComparison.Ordinal)
            || error.GetType().Namespace?.StartsWith("BacklogJira", StringComparison.Ordinal) == true;
        var text = ui.Redact(known ? error.Message : $"Unexpected {error.GetType().Name}: {error.Message}");
        return $"<h1>Not done</h1><p class=\"error\" role=\"alert\">{Html.E(text)}</p><p><a href=\"/\">Back to the pairs</a></p>";
    }

    private static int Status(Exception error) => error switch
    {
        PlanDriftException => StatusCodes.Status409Conflict,
        OperationRefusedException or WritesNotAllowedException => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status502BadGateway,
    };

    private static async Task Asset(HttpContext http, string name)
    {
        await using var stream = typeof(UiEndpoints).Assembly.GetManifestResourceStream("assets/" + name);
        if (stream is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        http.Response.ContentType = Path.GetExtension(name) switch { ".css" => "text/css; charset=utf-8", ".js" => "text/javascript; charset=utf-8", _ => "application/octet-stream" };
        await stream.CopyToAsync(http.Response.Body, http.RequestAborted);
    }
}
