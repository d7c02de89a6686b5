using System.CommandLine;
using BacklogJira.Sync.Engine;

namespace BacklogJira.Cli.Commands.Sync;

/// <summary><c>sync [taskId...] [--all] [--strategy S] [--dry-run] [--json]</c>: both directions, field by field.</summary>
internal static class SyncCommand
{
    public static Command Create(CliContext context)
    {
        var run = new PairRun();
        var strategy = new Option<string?>("--strategy") { Description = "How to settle a field changed on both sides: prefer-backlog, prefer-jira, prompt (terminal only) or manual; default from config" };
        strategy.AcceptOnlyFromAmong("prefer-backlog", "prefer-jira", "prompt", "manual");
        var command = new Command("sync", "Merge Backlog and Jira field by field: each side's changes go to the other, conflicts follow the strategy\n\nExample: backlog-jira sync --all --strategy prefer-jira");
        run.AddTo(command);
        command.Options.Add(strategy);
        command.SetAction((parse, token) => run.RunAsync(context, parse, SyncMode.Sync, false, parse.GetValue(strategy), token));
        return command;
    }
}
