using System.CommandLine;
using System.Diagnostics;
using BacklogJira.BacklogMd;
using BacklogJira.BacklogMd.Discovery;
using BacklogJira.BacklogMd.Writing;

namespace BacklogJira.Cli.Commands;

/// <summary>
/// <c>demo</c>: makes a throw-away Backlog.md project, fills it with realistic tasks through our store (and the real
/// CLI's <c>init</c> when it is installed), edits one, and shows what the store reads back.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var keep = new Option<bool>("--keep") { Description = "Keep the demo folder instead of deleting it" };
        var command = new Command("demo", "Create a demo Backlog.md project in a temp folder and show the parsed tasks") { keep };
        command.SetAction((parse, token) => RunAsync(parse.GetValue(keep), Console.Out, token));
        return command;
    }

    public static async Task<int> RunAsync(bool keep, TextWriter stdout, CancellationToken cancellationToken)
    {
        var root = Path.Combine(Path.GetTempPath(), "backlog-jira-demo-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        try
        {
            var cli = BacklogCliLocator.Find();
            await InitAsync(root, cli, stdout, cancellationToken);
            var store = new BacklogMdTaskStore(ProjectLocator.Locate(root), TimeProvider.System);

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
            await store.CreateAsync(new NewTask { Title = "Okta app registration", ParentId = login.Id.Original, Labels = ["auth"] }, cancellationToken);
            await store.CreateAsync(new NewTask
            {
                Title = "Export report as CSV (\"quoted\" names, commas)",
                Description = "Finance wants the monthly report as CSV.",
                AcceptanceCriteria = ["Header row", "UTF-8 with BOM for Excel"],
                Status = "In Progress",
                Priority = "medium",
            }, cancellationToken);
            await store.CreateAsync(new NewTask { Title = "日本語のタイトル 🎉 emoji and CJK survive", Labels = ["i18n"], Priority = "low" }, cancellationToken);

            await store.UpdateAsync(login.Id.Original, task => new TaskEdit
            {
                Status = "In Progress",
                AcceptanceCriteria = ChecklistEdits.Check(task.AcceptanceCriteria, 1),
                AddComments = [new NewComment("Okta sandbox tenant is ready.", "@bob")],
            }, cancellationToken);

            stdout.WriteLine($"Demo project: {root}{(cli is null ? " (backlog CLI not found: config written by hand)" : string.Empty)}");
            stdout.WriteLine();
            var scan = store.LoadAll();
            stdout.WriteLine($"{"ID",-10} {"STATUS",-12} {"AC",-5} TITLE");
            foreach (var task in scan.Tasks.OrderBy(t => t.Id.IdentityKey(), StringComparer.Ordinal))
            {
                var ac = task.AcceptanceCriteria.Count == 0 ? "-" : $"{task.AcceptanceCriteria.Count(i => i.Checked)}/{task.AcceptanceCriteria.Count}";
                stdout.WriteLine($"{task.Id.Normalized(),-10} {task.Status,-12} {ac,-5} {task.Title}");
            }

            stdout.WriteLine();
            ViewCommand.Run(root, [login.Id.Original], all: false, json: false, stdout, Console.Error);
            stdout.WriteLine();
            stdout.WriteLine(cli is null
                ? "Install the backlog CLI (npm install --prefix tools/backlog-cli) to see it read the same files."
                : keep
                    ? $"The real CLI reads the same files: cd {root} && {cli} task view {login.Id.Normalized()} --plain"
                    : "Run with --keep to keep the folder and open it with the real backlog CLI.");
            return ExitCodes.Success;
        }
        finally
        {
            if (!keep)
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static async Task InitAsync(string root, string? cli, TextWriter stdout, CancellationToken cancellationToken)
    {
        await RunAsync("git", ["init", "-q"], root, cancellationToken);
        if (cli is not null && await RunAsync(cli, ["init", "Demo", "--defaults", "--integration-mode", "none"], root, cancellationToken))
        {
            return;
        }

        if (cli is not null)
        {
            stdout.WriteLine("backlog init failed; writing the config by hand.");
        }

        foreach (var folder in new[] { "tasks", "drafts", "completed", "archive/tasks", "docs", "decisions", "milestones" })
        {
            Directory.CreateDirectory(Path.Combine(root, "backlog", folder));
        }

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
            if (process is null)
            {
                return false;
            }

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
