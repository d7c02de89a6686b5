using System.CommandLine;
using System.Text.Json.Nodes;
using BacklogJira.Cli.Rendering;

namespace BacklogJira.Cli.Commands.Map;

/// <summary><c>map link &lt;taskId&gt; &lt;KEY&gt; [--force]</c>.</summary>
internal static class MapLinkCommand
{
    public static Command Create(CliContext context)
    {
        var taskId = new Argument<string>("taskId") { Description = "The Backlog task, e.g. TASK-12" };
        var key = new Argument<string>("jiraKey") { Description = "The Jira issue, e.g. PROJ-34" };
        var force = new Option<bool>("--force") { Description = "Replace the task's existing mapping" };
        var json = JsonResult.Option();
        var command = new Command("link", "Map a task to an existing Jira issue; the first sync then compares them field by field\n\nExample: backlog-jira map link TASK-12 PROJ-34")
        {
            taskId, key, force, json,
        };
        command.SetAction(async (parse, token) =>
        {
            var typed = Core.Mapping.IssueKeyInput.Parse(parse.GetValue(key));
            if (typed.Key is null)
            {
                await context.Error.WriteLineAsync(typed.Problem);
                return ExitCodes.Usage;
            }
            if (typed.Notice is not null) await context.Error.WriteLineAsync(typed.Notice);
            using var session = SyncSession.Open(context);
            await using var runLock = await session.LockAsync(token);
            var mapping = await session.Mappings().LinkAsync(session.Jira, parse.GetValue(taskId)!, typed.Key, parse.GetValue(force), token);
            if (parse.GetValue(json)) JsonResult.Write(context, "map-link", new JsonObject { ["taskId"] = mapping.TaskId, ["jiraKey"] = mapping.JiraKey });
            else context.Out.WriteLine($"✓ Linked {mapping.TaskId} → {mapping.JiraKey}. Run 'backlog-jira sync {mapping.TaskId}' to compare them.");
            return ExitCodes.Success;
        });
        return command;
    }
}
