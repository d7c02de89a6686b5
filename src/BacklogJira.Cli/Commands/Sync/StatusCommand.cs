using System.CommandLine;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;

namespace BacklogJira.Cli.Commands.Sync;

/// <summary><c>status [taskId...] [--json] [--history N]</c>: what each pair needs, computed without writing anything.</summary>
internal static class StatusCommand
{
    public static Command Create(CliContext context)
    {
        var run = new PairRun();
        var history = new Option<string?>("--history") { Description = "Show the last N operations from the ops log instead (N ≥ 1)" };
        var unmapped = new Option<bool>("--unmapped") { Description = "Also list each task no issue is mapped to (by default only counted)" };
        var command = new Command("status", "Show each mapped task's state: in-sync, needs-push, needs-pull, conflict, missing (reads only)\n\nExample: backlog-jira status TASK-12 --json");
        run.AddTo(command);
        command.Options.Add(history);
        command.Options.Add(unmapped);
        command.SetAction(async (parse, token) =>
        {
            if (parse.GetValue(history) is { } countText)
            {
                if (!int.TryParse(countText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) || count < 1)
                {
                    context.Error.WriteLine($"--history needs a number of operations, 1 or more (e.g. --history 20); '{countText}' is not one.");
                    return ExitCodes.Usage;
                }
                using var session = SyncSession.Open(context);
                var ids = parse.GetValue(run.TaskIds) ?? [];
                var lines = new OpsLog(session.Paths, session.Clock).Tail(count, ids.Length == 1 ? SyncEngine.Normalize(ids[0], session.Store.Project.Config.TaskPrefix) : null);
                if (parse.GetValue(run.Json))
                {
                    context.Out.WriteLine(new System.Text.Json.Nodes.JsonObject
                    {
                        ["schemaVersion"] = 1,
                        ["kind"] = "history",
                        ["operations"] = new System.Text.Json.Nodes.JsonArray([.. lines.Select(OperationJson)]),
                    }.ToJsonString());
                    return ExitCodes.Success;
                }
                if (lines.Count == 0) context.Out.WriteLine("No operations in the ops log yet.");
                foreach (var line in lines) context.Out.WriteLine(Rendering.OpsLogLine.Format(line, withTask: true));
                return ExitCodes.Success;
            }
            return await run.RunAsync(context, parse, SyncMode.Status, false, null, token, listUnmapped: parse.GetValue(unmapped));
        });
        return command;
    }

    /// <summary>A log record as JSON; a line that is not one is kept as text, so the document stays valid.</summary>
    private static System.Text.Json.Nodes.JsonNode? OperationJson(string line)
    {
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(line);
        }
        catch (System.Text.Json.JsonException)
        {
            return new System.Text.Json.Nodes.JsonObject { ["unreadable"] = line };
        }
    }
}
