using System.CommandLine;
using BacklogJira.Sync.Engine;

namespace BacklogJira.Cli.Commands.Sync;

/// <summary><c>push [taskId...] [--all] [--force] [--dry-run] [--json]</c>: Backlog changes to Jira.</summary>
internal static class PushCommand
{
    public static Command Create(CliContext context)
    {
        var run = new PairRun();
        var force = new Option<bool>("--force") { Description = "Where both sides changed a field, overwrite Jira with Backlog's value" };
        var command = new Command("push", "Send Backlog changes to the mapped Jira issues (changes made in Jira are left for pull)\n\nExample: backlog-jira push TASK-12 --dry-run");
        run.AddTo(command);
        command.Options.Add(force);
        command.SetAction((parse, token) => run.RunAsync(context, parse, SyncMode.Push, parse.GetValue(force), null, token));
        return command;
    }
}
