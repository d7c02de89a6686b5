using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using BacklogJira.BacklogMd;
using BacklogJira.BacklogMd.Model;
using BacklogJira.Cli.Json;
using BacklogJira.Cli.Rendering;

namespace BacklogJira.Cli.Commands;

/// <summary><c>view &lt;taskId&gt;... [--all] [--json]</c>: the tasks as our store parsed them.</summary>
internal static class ViewCommand
{
    public static Command Create(CliContext context)
    {
        var ids = new Argument<string[]>("taskId") { Description = "Task ids (TASK-12, task-12 or 12)", Arity = ArgumentArity.ZeroOrMore };
        var all = new Option<bool>("--all") { Description = "Every task in tasks/, completed/, drafts/ and archive/tasks/" };
        var json = new Option<bool>("--json") { Description = "JSON with the field names of `backlog task view --json`" };
        var withJira = new Option<bool>("--with-jira") { Description = "Also the mapped issue, field by field beside the task, each marked in sync, changed in Backlog or Jira, or conflict (reads only)" };
        var history = new Option<bool>("--history") { Description = "Also the task's operations from the ops log (last 50)" };
        var command = new Command("view", "Show tasks as backlog-jira reads them; with --with-jira beside their Jira issue\n\nExample: backlog-jira view TASK-12 --with-jira --history")
        {
            ids, all, json, withJira, history,
        };
        command.SetAction(async (parse, token) =>
        {
            var selected = parse.GetValue(ids) ?? [];
            if (!parse.GetValue(withJira) && !parse.GetValue(history))
                return Run(context.WorkingDirectory, selected, parse.GetValue(all), parse.GetValue(json), context.Out, context.Error);
            if (selected.Length != 1 || parse.GetValue(all))
            {
                await context.Error.WriteLineAsync("--with-jira and --history show one task: name exactly one task id.");
                return ExitCodes.Usage;
            }
            return await RunWithJiraAsync(context, selected[0], parse.GetValue(withJira), parse.GetValue(history), parse.GetValue(json), token);
        });
        return command;
    }

    private static async Task<int> RunWithJiraAsync(CliContext context, string id, bool withJira, bool history, bool json, CancellationToken cancellationToken)
    {
        var side = await ViewJiraSide.BuildAsync(context, id, withJira, history, cancellationToken);
        var taskJson = side.Task;
        if (json)
        {
            var document = JsonSerializer.SerializeToNode(new TaskViewJson(1, "task-view", taskJson), CliJsonContext.Default.TaskViewJson)!.AsObject();
            if (withJira) document["jira"] = ViewJiraSide.ToJson(side);
            if (history) document["history"] = new JsonArray([.. side.History.Select(line => JsonNode.Parse(line))]);
            context.Out.WriteLine(document.ToJsonString());
        }
        else
        {
            context.Out.Write(TaskTextRenderer.Render(taskJson));
            ViewJiraSide.Write(side, context.Out);
        }
        return ExitCodes.Success;
    }

    public static int Run(string workingDirectory, IReadOnlyList<string> ids, bool all, bool json, TextWriter stdout, TextWriter stderr)
    {
        if (ids.Count == 0 && !all)
        {
            stderr.WriteLine("Name at least one task id, or pass --all.");
            return ExitCodes.Usage;
        }

        var store = BacklogMdTaskStore.Open(workingDirectory);
        var project = store.Project;
        if (all)
        {
            var scan = store.LoadAll();
            var byParent = scan.Tasks.Where(t => t.ParentTaskId is not null && t.Folder is TaskFolder.Tasks or TaskFolder.Completed)
                .ToLookup(t => BacklogJira.BacklogMd.Ids.TaskId.TryParse(t.ParentTaskId, out var p) ? p.IdentityKey(project.Config.TaskPrefix) : string.Empty);
            var tasks = scan.Tasks.Select(t => TaskJsonMapper.ToJson(t, project, byParent[t.Id.IdentityKey(project.Config.TaskPrefix)])).ToList();
            ReportScanIssues(scan, stderr, project);
            if (json)
            {
                var list = new TaskListJson(1, "task-list", tasks,
                    scan.Problems.Select(p => new ProblemJson(project.RelativePath(p.FilePath), p.Line, p.Reason)).ToList(),
                    scan.Duplicates.Select(d => new DuplicateJson(d.Id, d.FilePaths)).ToList());
                stdout.WriteLine(JsonSerializer.Serialize(list, CliJsonContext.Default.TaskListJson));
            }
            else
            {
                foreach (var task in tasks)
                {
                    stdout.Write(TaskTextRenderer.Render(task));
                    stdout.WriteLine();
                }
            }

            return scan.Problems.Count > 0 || scan.Duplicates.Count > 0 ? ExitCodes.Failure : ExitCodes.Success;
        }

        var found = new List<TaskJson>();
        var failed = false;
        foreach (var id in ids)
        {
            try
            {
                var task = store.Get(id);
                found.Add(TaskJsonMapper.ToJson(task, project, store.FindSubtasks(task)));
            }
            catch (TaskLookupException ex)
            {
                stderr.WriteLine(ex.Message);
                failed = true;
            }
        }

        if (json)
        {
            stdout.WriteLine(found.Count == 1 && ids.Count == 1
                ? JsonSerializer.Serialize(new TaskViewJson(1, "task-view", found[0]), CliJsonContext.Default.TaskViewJson)
                : JsonSerializer.Serialize(new TaskListJson(1, "task-list", found, [], []), CliJsonContext.Default.TaskListJson));
        }
        else
        {
            stdout.Write(string.Join(Environment.NewLine, found.Select(TaskTextRenderer.Render)));
        }

        return failed ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static void ReportScanIssues(TaskScan scan, TextWriter stderr, BacklogJira.BacklogMd.Discovery.BacklogMdProject project)
    {
        foreach (var problem in scan.Problems)
        {
            stderr.WriteLine($"Skipped {project.RelativePath(problem.FilePath)}{(problem.Line is { } l ? ":" + l : "")}: {problem.Reason}");
        }

        foreach (var duplicate in scan.Duplicates)
        {
            stderr.WriteLine($"WARNING: duplicate task id {duplicate.Id} in {string.Join(", ", duplicate.FilePaths)}. Run 'backlog doctor' to preview a safe repair.");
        }
    }
}
