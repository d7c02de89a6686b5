using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using BacklogJira.BacklogMd;
using BacklogJira.BacklogMd.Discovery;
using BacklogJira.BacklogMd.Writing;
using BacklogJira.Cli.Rendering;
using BacklogJira.Core.Mapping;
using BacklogJira.Core.Merge;
using BacklogJira.Core.Ports;
using BacklogJira.Jira.Configuration;
using BacklogJira.Jira.Rest;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;
using BacklogTools.Files;
using Sandbox.Jira;

namespace BacklogJira.Cli.Commands;

/// <summary>
/// <c>demo</c>: the whole tool in one minute, on a throw-away Backlog.md project and the built-in Jira sandbox:
/// init → create-issue → edits on both sides → status → sync (one conflict left) → sync --strategy prefer-jira → status.
/// Every step goes through the same engine the commands use, over real HTTP. The folder stays for you to explore.
/// </summary>
internal static class DemoCommand
{
    private const string SandboxDataFile = ".sandbox-jira.json";
    private const int SuggestedPort = 8080;

    public static Command Create(CliContext context)
    {
        var clean = new Option<bool>("--clean") { Description = "Delete the demo folder at the end instead of keeping it" };
        var command = new Command("demo", "Run init, create-issue, edits on both sides and sync against a built-in Jira sandbox, in a temp folder\n\nExample: backlog-jira demo") { clean };
        command.SetAction((parse, token) => RunAsync(context, parse.GetValue(clean), token));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, bool clean, CancellationToken cancellationToken)
    {
        var output = context.Out;
        var root = Path.Combine(Path.GetTempPath(), "backlog-jira-demo-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        try
        {
            Step(output, 1, "A Backlog.md project with four tasks");
            var cli = BacklogCliLocator.Find();
            await InitProjectAsync(root, cli, output, cancellationToken);
            var store = new BacklogMdTaskStore(ProjectLocator.Locate(root), TimeProvider.System);
            var ids = await CreateTasksAsync(store, cancellationToken);
            output.WriteLine($"  {root}{(cli is null ? " (backlog CLI not found: config written by hand)" : "")}");
            foreach (var task in store.LoadAll().Tasks.OrderBy(t => t.Id.IdentityKey(), StringComparer.Ordinal))
                output.WriteLine($"  {task.Id.Normalized(),-8} {task.Status,-12} {task.Title}");

            Step(output, 2, "A Jira Cloud sandbox on 127.0.0.1, and 'backlog-jira init'");
            await using var sandbox = await JiraSandbox.StartAsync(new SandboxOptions { DataFile = Path.Combine(root, SandboxDataFile) }, cancellationToken);
            using var jira = new JiraRestClient(new JiraConnectionSettings { BaseUrl = sandbox.BaseUrl, User = sandbox.Options.User, ApiToken = sandbox.Options.Token });
            var paths = new StatePaths(root);
            await StateInitializer.InitializeAsync(paths, sandbox.Options.ProjectKey, cancellationToken);
            var json = SyncConfig.Load(paths).Json;
            json["backlog"]!["assigneeMapping"] = new JsonObject { ["alice"] = "5b10a2844c20165700ede21a", ["bob"] = "5b10a2844c20165700ede22b" };
            json["sync"]!["conflictStrategy"] = "manual";
            await SyncConfig.SaveAsync(paths, json, cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(root, ".env"),
                $"JIRA_URL=http://127.0.0.1:{SuggestedPort}\nJIRA_EMAIL={sandbox.Options.User}\nJIRA_API_TOKEN={sandbox.Options.Token}\n", cancellationToken);
            output.WriteLine($"  Jira at {sandbox.BaseUrl}, project {sandbox.Options.ProjectKey}; .backlog-jira/config.json maps @alice and @bob to Jira users");
            var config = SyncConfig.Load(paths);
            var browse = sandbox.BaseUrl.ToString();

            Step(output, 3, "backlog-jira create-issue (each task becomes an issue, mapped the moment Jira answers)");
            var creator = new IssueCreator(store, jira, config, paths, TimeProvider.System, browse);
            var created = new List<PairOutcome>();
            foreach (var id in ids) created.Add(await creator.CreateAsync(id, null, dryRun: false, cancellationToken));
            RunReport.Write(context, "create-issue", created, dryRun: false, json: false);
            var keys = created.ToDictionary(o => o.TaskId, o => o.JiraKey!, StringComparer.OrdinalIgnoreCase);

            Step(output, 4, "Edits on both sides");
            await EditBacklogAsync(store, ids, output, cancellationToken);
            await EditJiraAsync(jira, keys, ids, output, cancellationToken);

            var engine = new SyncEngine(store, jira, config, paths, TimeProvider.System, browse);
            Step(output, 5, "backlog-jira status (computed without writing anything)");
            RunReport.Write(context, "status", await engine.RunAsync(new SyncRequest { Mode = SyncMode.Status }, cancellationToken), dryRun: false, json: false);

            Step(output, 6, "backlog-jira sync (strategy manual: the title changed on both sides is left for you)");
            RunReport.Write(context, "sync", await engine.RunAsync(new SyncRequest { Mode = SyncMode.Sync }, cancellationToken), dryRun: false, json: false);

            Step(output, 7, "backlog-jira sync --strategy prefer-jira (settles the conflict)");
            RunReport.Write(context, "sync", await engine.RunAsync(new SyncRequest { Mode = SyncMode.Sync, Strategy = ConflictStrategy.PreferJira }, cancellationToken), dryRun: false, json: false);

            Step(output, 8, "backlog-jira sync once more: both sides agree, nothing is sent");
            sandbox.Counters.Reset();
            var final = await engine.RunAsync(new SyncRequest { Mode = SyncMode.Sync }, cancellationToken);
            RunReport.Write(context, "sync", final, dryRun: false, json: false);
            output.WriteLine($"  Jira requests that changed something: {sandbox.Counters.ByEndpoint.Where(e => !e.Key.StartsWith("GET", StringComparison.Ordinal) && !e.Key.Contains("/search", StringComparison.Ordinal)).Sum(e => e.Value)}");

            output.WriteLine();
            if (clean)
            {
                // The folder goes when this returns: no hints that point into it.
                output.WriteLine($"Demo project {root} deleted (--clean).");
            }
            else
            {
                output.WriteLine($"Demo project kept in {root}");
                output.WriteLine($"  cat \"{store.Get(ids[0]).FilePath}\"   # the task, with its jira_key mirror");
                output.WriteLine($"  cat {root}/.backlog-jira/mappings.json");
                output.WriteLine($"  To go on: backlog-jira sandbox --port {SuggestedPort} --data {Path.Combine(root, SandboxDataFile)}");
                output.WriteLine($"  then, in {root}: backlog-jira status   (the .env there points at that sandbox)");
            }
            return final.All(o => o.State == PairState.InSync && !o.Failed) ? ExitCodes.Success : ExitCodes.Failure;
        }
        finally
        {
            if (clean) Directory.Delete(root, recursive: true);
        }
    }

    private static void Step(TextWriter output, int number, string title)
    {
        output.WriteLine();
        output.WriteLine($"── {number}. {title}");
    }

    private static async Task<List<string>> CreateTasksAsync(BacklogMdTaskStore store, CancellationToken cancellationToken)
    {
        var login = await store.CreateAsync(new NewTask
        {
            Title = "Login: support SSO via Okta",
            Description = "Users sign in with the company's Okta tenant.\n\nFallback to password login stays.",
            AcceptanceCriteria = ["Redirects to Okta", "Creates the user on first login", "Shows a clear error when Okta is down"],
            Labels = ["auth", "backend"],
            Priority = "high",
            Assignees = ["@alice"],
            ImplementationPlan = "1. Register the app in Okta\n2. Add the OIDC middleware\n3. Map claims to users",
        }, cancellationToken);
        var export = await store.CreateAsync(new NewTask
        {
            Title = "Export report as CSV (\"quoted\" names, commas)",
            Description = "Finance wants the monthly report as CSV.",
            AcceptanceCriteria = ["Header row", "UTF-8 with BOM for Excel"],
            Status = "In Progress",
            Priority = "medium",
            Assignees = ["@bob"],
        }, cancellationToken);
        var i18n = await store.CreateAsync(new NewTask { Title = "日本語のタイトル 🎉 emoji and CJK survive", Labels = ["i18n"], Priority = "low" }, cancellationToken);
        var docs = await store.CreateAsync(new NewTask { Title = "Write the on-call runbook", Description = "Who to page, and how." }, cancellationToken);
        return [.. new[] { login, export, i18n, docs }.Select(t => t.Id.Normalized(store.Project.Config.TaskPrefix))];
    }

    private static async Task EditBacklogAsync(BacklogMdTaskStore store, List<string> ids, TextWriter output, CancellationToken cancellationToken)
    {
        await store.UpdateAsync(ids[0], task => new TaskEdit
        {
            Status = "In Progress",
            AcceptanceCriteria = ChecklistEdits.Check(task.AcceptanceCriteria, 1),
        }, cancellationToken);
        output.WriteLine($"  Backlog: {ids[0]} → In Progress, criterion #1 checked");
        await store.UpdateAsync(ids[3], _ => new TaskEdit { Title = "Write the on-call runbook (v2)" }, cancellationToken);
        output.WriteLine($"  Backlog: {ids[3]} retitled \"Write the on-call runbook (v2)\"");
    }

    private static async Task EditJiraAsync(IJiraClient jira, Dictionary<string, string> keys, List<string> ids, TextWriter output, CancellationToken cancellationToken)
    {
        var login = (await jira.GetIssueAsync(keys[ids[0]], cancellationToken))!;
        var parts = ManagedDescription.Parse(login.Description);
        var checkedLast = parts with { AcceptanceCriteria = [.. parts.AcceptanceCriteria.Select((c, i) => i == 2 ? c with { Checked = true } : c)] };
        await jira.UpdateIssueAsync(login.Key, new JiraIssueUpdate
        {
            ChangeDescription = true,
            Description = ManagedDescription.Compose(checkedLast),
            Labels = ["auth", "backend", "security"],
        }, cancellationToken);
        output.WriteLine($"  Jira:    {login.Key} criterion #3 checked, label \"security\" added");
        await jira.UpdateIssueAsync(keys[ids[2]], new JiraIssueUpdate { PriorityName = "Highest" }, cancellationToken);
        output.WriteLine($"  Jira:    {keys[ids[2]]} priority → Highest");
        await jira.UpdateIssueAsync(keys[ids[3]], new JiraIssueUpdate { Summary = "On-call runbook for the payments team" }, cancellationToken);
        output.WriteLine($"  Jira:    {keys[ids[3]]} retitled \"On-call runbook for the payments team\" (the same field as in Backlog: a conflict)");
    }

    private static async Task InitProjectAsync(string root, string? cli, TextWriter output, CancellationToken cancellationToken)
    {
        await RunAsync("git", ["init", "-q"], root, cancellationToken);
        if (cli is not null && await RunAsync(cli, ["init", "Demo", "--defaults", "--integration-mode", "none"], root, cancellationToken)) return;
        if (cli is not null) output.WriteLine("  backlog init failed; writing the config by hand.");
        foreach (var folder in new[] { "tasks", "drafts", "completed", "archive/tasks", "docs", "decisions", "milestones" })
            Directory.CreateDirectory(Path.Combine(root, "backlog", folder));
        await AtomicFile.WriteAllTextAsync(Path.Combine(root, "backlog", "config.yml"),
            "project_name: \"Demo\"\ndefault_status: \"To Do\"\nstatuses: [\"To Do\", \"In Progress\", \"Done\"]\nlabels: []\n" +
            "date_format: yyyy-mm-dd\nmax_column_width: 20\nauto_open_browser: true\ndefault_port: 6420\nremote_operations: true\n" +
            "auto_commit: false\nfilesystem_only: false\nbypass_git_hooks: false\ncheck_active_branches: true\nactive_branch_days: 30\n" +
            "task_prefix: \"task\"\n", cancellationToken);
    }

    private static async Task<bool> RunAsync(string file, string[] arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null) return false;
            await Task.WhenAll(process.StandardOutput.ReadToEndAsync(cancellationToken), process.StandardError.ReadToEndAsync(cancellationToken));
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
