using System.Text.Json.Nodes;
using BacklogJira.Core.Merge;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;

namespace BacklogJira.Cli.Commands;

/// <summary>
/// <c>view &lt;taskId&gt; --with-jira</c>: the task and its issue side by side, field by field, each marked with what the
/// merge would do (in sync, changed in Backlog, changed in Jira, merge, conflict), computed by the same engine run as
/// <c>status</c> (nothing is written); <c>--history</c>: the ops-log entries of that task.
/// </summary>
internal static class ViewJiraSide
{
    private const int HistoryLimit = 50;

    public sealed record Row(string Field, string Backlog, string Jira, string Marker);

    public sealed record Result(Json.TaskJson Task, string TaskId, string? JiraKey, string? Url, string State, IReadOnlyList<Row> Rows, IReadOnlyList<string> Warnings, IReadOnlyList<string> History);

    public static async Task<Result> BuildAsync(CliContext context, string id, bool withJira, bool history, CancellationToken cancellationToken)
    {
        using var session = SyncSession.Open(context);
        var taskId = SyncEngine.Normalize(id, session.Store.Project.Config.TaskPrefix);
        var task = session.Store.Get(taskId);
        var taskJson = Json.TaskJsonMapper.ToJson(task, session.Store.Project, session.Store.FindSubtasks(task));
        var mapping = MappingFile.Load(session.Paths).ForTask(taskId);
        var log = history ? new OpsLog(session.Paths, session.Clock).Tail(HistoryLimit, taskId) : [];
        if (!withJira || mapping is null)
            return new Result(taskJson, taskId, mapping?.JiraKey, null, mapping is null ? "unmapped" : "", [], mapping is null && withJira ? [$"{taskId} is not mapped to a Jira issue; 'backlog-jira create-issue {taskId}' or 'map link' pairs it."] : [], log);

        var outcome = (await session.Engine().RunAsync(new SyncRequest { Mode = SyncMode.Status, TaskIds = [taskId] }, cancellationToken)).Single();
        var warnings = new List<string>(outcome.Warnings);
        if (outcome.Error is { } error) warnings.Add(error);
        foreach (var wait in outcome.Waiting) warnings.Add(wait.Reason);
        // The rows come from the same engine run: each side read once, through the field descriptors.
        var rows = outcome.Fields.Select(f => new Row(f.Field, OneLine(f.Backlog), OneLine(f.Jira), Marker(f.Decision))).ToList();
        if (rows.Count == 0) rows = [new Row("issue", "", "(issue not found)", "missing")];
        var key = outcome.JiraKey ?? mapping.JiraKey;
        return new Result(taskJson, taskId, key, session.BrowseBase.TrimEnd('/') + "/browse/" + key, Rendering.RunReport.StateName(outcome.State), rows, warnings, log);
    }

    public static string Marker(FieldDecision? decision) => decision?.Action switch
    {
        null or FieldAction.InSync => "in sync",
        FieldAction.PushToJira or FieldAction.LeftForPush => "changed in Backlog",
        FieldAction.PullToBacklog or FieldAction.LeftForPull => "changed in Jira",
        FieldAction.MergeBoth => "changed on both (merges)",
        FieldAction.CannotPush => "changed in Backlog (cannot go to Jira)",
        FieldAction.CannotPull => "changed in Jira (cannot go to Backlog)",
        FieldAction.Conflict => "conflict",
        _ => decision.Action.ToString(),
    };

    public static void Write(Result result, TextWriter output)
    {
        if (result.JiraKey is not null && result.Rows.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"{result.TaskId} ⇄ {result.JiraKey} ({result.Url}): {result.State}");
            var width = Math.Min(40, Math.Max(7, result.Rows.Max(r => r.Backlog.Length)));
            output.WriteLine($"  {"field",-20} {"Backlog".PadRight(width)}  {"Jira".PadRight(width)}  state");
            foreach (var row in result.Rows)
                output.WriteLine($"  {row.Field,-20} {Clip(row.Backlog, width).PadRight(width)}  {Clip(row.Jira, width).PadRight(width)}  {row.Marker}");
        }
        foreach (var warning in result.Warnings) output.WriteLine($"! {warning}");
        if (result.History.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"History of {result.TaskId} (ops log, oldest first):");
            foreach (var line in result.History) output.WriteLine(Rendering.OpsLogLine.Format(line, withTask: false));
        }
    }

    public static JsonObject ToJson(Result result) => new()
    {
        ["jiraKey"] = result.JiraKey,
        ["url"] = result.Url,
        ["state"] = result.State,
        ["fields"] = new JsonArray([.. result.Rows.Select(r => (JsonNode)new JsonObject
        {
            ["field"] = r.Field,
            ["backlog"] = r.Backlog,
            ["jira"] = r.Jira,
            ["state"] = r.Marker,
        })]),
        ["warnings"] = new JsonArray([.. result.Warnings.Select(w => (JsonNode?)w)]),
    };

    private static string OneLine(string text) => text.Replace("\r", "", StringComparison.Ordinal).Replace('\n', ' ').Trim();

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
