using System.CommandLine;
using BacklogJira.Cli.Rendering;

namespace BacklogJira.Cli.Commands;

/// <summary><c>create-issue &lt;taskId&gt;... [--issue-type T] [--project KEY] [--dry-run] [--yes] [--json] [--parallel N]</c>: a Jira issue for each
/// unmapped task, mapped the moment Jira answers; a rerun after a crash adopts the issue instead of making another.</summary>
internal static class CreateIssueCommand
{
    public static Command Create(CliContext context)
    {
        var ids = new Argument<string[]>("taskId") { Description = "Task ids to create issues for", Arity = ArgumentArity.OneOrMore };
        var issueType = new Option<string?>("--issue-type") { Description = "Issue type (default: config jira.issueType, else Task)" };
        var project = new Option<string?>("--project") { Description = "Jira project key to create in (default: jira.projectMap for the task's project, else jira.projectKey)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be created; write nothing" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation on a terminal" };
        var json = new Option<bool>("--json") { Description = "One JSON document on stdout" };
        var parallel = new Option<int>("--parallel") { Description = "Issues created at once (1 numbers the issues in task order)", DefaultValueFactory = _ => 8 };
        var command = new Command("create-issue", "Create a Jira issue from a Backlog task and map them\n\nExample: backlog-jira create-issue TASK-12 --issue-type Story")
        {
            ids, issueType, project, dryRun, yes, json, parallel,
        };
        command.SetAction(async (parse, token) =>
        {
            using var session = SyncSession.Open(context);
            var taskIds = parse.GetValue(ids) ?? [];
            var isDryRun = parse.GetValue(dryRun);
            if (!isDryRun && context.IsInteractive && !parse.GetValue(yes) && !parse.GetValue(json))
            {
                var where = parse.GetValue(project) ?? (session.Config.ProjectMap.Count > 0 ? string.Join("/", session.Config.JiraProjects) : session.Config.RequireProjectKey());
                context.Out.Write($"Create {taskIds.Length} issue(s) in {where}? [y/N] ");
                if (context.In.ReadLine()?.Trim().ToLowerInvariant() is not ("y" or "yes"))
                {
                    context.Out.WriteLine("Nothing created.");
                    return ExitCodes.Success;
                }
            }
            IReadOnlyList<BacklogJira.Sync.Engine.PairOutcome> outcomes;
            await using (var runLock = isDryRun ? null : await session.LockAsync(token))
                outcomes = await session.Creator(parse.GetValue(project)?.Trim().ToUpperInvariant()).CreateManyAsync(taskIds, parse.GetValue(issueType), isDryRun, Math.Max(1, parse.GetValue(parallel)), token);
            return RunReport.Write(context, "create-issue", outcomes, isDryRun, parse.GetValue(json));
        });
        return command;
    }
}
