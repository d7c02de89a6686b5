using System.CommandLine;
using System.Text.Json.Nodes;
using BacklogJira.Cli.Rendering;

namespace BacklogJira.Cli.Commands.Map;

/// <summary><c>map remove &lt;taskId&gt;</c>: forgets the pair (mapping, snapshots, frontmatter mirror); touches no issue.</summary>
internal static class MapRemoveCommand
{
    public static Command Create(CliContext context)
    {
        var taskId = new Argument<string>("taskId") { Description = "The Backlog task, e.g. TASK-12" };
        var json = JsonResult.Option();
        var command = new Command("remove", "Unmap a task; neither the task nor the issue is deleted\n\nExample: backlog-jira map remove TASK-12") { taskId, json };
        command.SetAction(async (parse, token) =>
        {
            using var session = SyncSession.Open(context);
            await using var runLock = await session.LockAsync(token);
            var removed = await session.Mappings().RemoveAsync(parse.GetValue(taskId)!, token);
            if (parse.GetValue(json)) JsonResult.Write(context, "map-remove", new JsonObject { ["taskId"] = removed.TaskId, ["jiraKey"] = removed.JiraKey });
            else context.Out.WriteLine($"✓ Unmapped {removed.TaskId} from {removed.JiraKey}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
