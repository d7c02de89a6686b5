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
        var history = new Option<int?>("--history") { Description = "Show the last N operations from the ops log instead" };
        var command = new Command("status", "Show each mapped task's state: in-sync, needs-push, needs-pull, conflict, missing (reads only)\n\nExample: backlog-jira status TASK-12 --json");
        run.AddTo(command);
        command.Options.Add(history);
        command.SetAction(async (parse, token) =>
        {
            if (parse.GetValue(history) is { } count)
            {
                using var session = SyncSession.Open(context);
                var ids = parse.GetValue(run.TaskIds) ?? [];
                var lines = new OpsLog(session.Paths, session.Clock).Tail(count, ids.Length == 1 ? SyncEngine.Normalize(ids[0], session.Store.Project.Config.TaskPrefix) : null);
                if (parse.GetValue(run.Json)) context.Out.WriteLine("{\"schemaVersion\":1,\"kind\":\"history\",\"operations\":[" + string.Join(",", lines) + "]}");
                else foreach (var line in lines) context.Out.WriteLine(line);
                return ExitCodes.Success;
            }
            return await run.RunAsync(context, parse, SyncMode.Status, false, null, token);
        });
        return command;
    }
}
