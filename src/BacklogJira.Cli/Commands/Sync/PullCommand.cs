using System.CommandLine;
using BacklogJira.Cli.Rendering;
using BacklogJira.Sync.Engine;

namespace BacklogJira.Cli.Commands.Sync;

/// <summary><c>pull [taskId...] [--all] [--force] [--dry-run] [--import [--jql Q]] [--json]</c>: Jira changes to Backlog,
/// and with <c>--import</c> a new task for every unmapped issue the JQL finds.</summary>
internal static class PullCommand
{
    public static Command Create(CliContext context)
    {
        var run = new PairRun();
        var force = new Option<bool>("--force") { Description = "Where both sides changed a field, overwrite Backlog with Jira's value" };
        var import = new Option<bool>("--import") { Description = "Also create a task for every unmapped issue the JQL finds" };
        var jql = new Option<string?>("--jql") { Description = "JQL for --import (default: config jira.jqlFilter, else project = <projectKey>)" };
        var yes = new Option<bool>("--yes", "-y") { Description = "With --import on a terminal: create the tasks without asking first" };
        var command = new Command("pull", "Bring Jira changes into the mapped Backlog tasks (changes made in Backlog are left for push)\n\nExample: backlog-jira pull --import --jql \"project = PROJ AND sprint in openSprints()\"");
        run.AddTo(command);
        command.Options.Add(force);
        command.Options.Add(import);
        command.Options.Add(jql);
        command.Options.Add(yes);
        command.SetAction(async (parse, token) =>
        {
            if (parse.GetValue(jql) is not null && !parse.GetValue(import))
            {
                context.Error.WriteLine("--jql only applies with --import.");
                return ExitCodes.Usage;
            }
            if (!parse.GetValue(import)) return await run.RunAsync(context, parse, SyncMode.Pull, parse.GetValue(force), null, token);

            var dryRun = parse.GetValue(run.DryRun);
            var json = parse.GetValue(run.Json);
            using var session = SyncSession.Open(context);
            var query = BacklogJira.Sync.Engine.JiraImporter.ResolveJql(parse.GetValue(jql), session.Config);
            var request = new SyncRequest { Mode = SyncMode.Pull, TaskIds = parse.GetValue(run.TaskIds) ?? [], DryRun = dryRun, Force = parse.GetValue(force) };
            await using var runLock = dryRun ? null : await session.LockAsync(token);
            var pulled = await session.Engine().RunAsync(request, token);
            if (!dryRun && context.IsInteractive && !parse.GetValue(yes) && !json)
            {
                // A bulk create asks first on a terminal: how many tasks, from which query.
                var plan = await session.Importer().ImportAsync(query, dryRun: true, token);
                if (plan.Count > 0)
                {
                    context.Out.Write($"Create {plan.Count} task(s) from Jira issues (JQL: {query})? [y/N] ");
                    if (context.In.ReadLine()?.Trim().ToLowerInvariant() is not ("y" or "yes"))
                    {
                        context.Out.WriteLine("Nothing imported.");
                        return RunReport.Write(context, "pull", pulled, dryRun, json);
                    }
                }
            }
            var imported = await session.Importer().ImportAsync(query, dryRun, token);
            return RunReport.Write(context, "pull", [.. pulled, .. imported], dryRun, json);
        });
        return command;
    }
}
