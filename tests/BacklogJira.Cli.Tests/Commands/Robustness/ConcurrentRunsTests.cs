using System.Diagnostics;
using System.Text.Json.Nodes;
using BacklogJira.Core.Ports;

namespace BacklogJira.Cli.Tests.Commands.Robustness;

/// <summary>The fault suite's concurrency part (issue 15): two syncs started together, and a sync while the CLI edits the
/// same tasks: one writer at a time, a clear refusal for the other, no corrupt file, no lost or doubled edit.
/// (Fifty races of our writes with `backlog task edit` are in the interop suite's ConcurrencyTests.)</summary>
public class ConcurrentRunsTests
{
    [Fact]
    public async Task Two_syncs_at_once_one_runs_the_other_waits_or_is_refused_clearly_and_nothing_is_written_twice()
    {
        await using var cli = await CliRun.StartAsync();
        (await cli.RunAsync("init", "--project-key", "DEMO")).ExitCode.ShouldBe(0);
        for (var i = 1; i <= 6; i++) (await cli.BacklogAsync("task", "create", $"Task {i}")).EnsureSuccess("create");
        (await cli.RunAsync("create-issue", "1", "2", "3", "4", "5", "6")).ExitCode.ShouldBe(0);
        for (var i = 1; i <= 6; i++) (await cli.BacklogAsync("task", "edit", $"{i}", "-t", $"Task {i}, edited")).EnsureSuccess("edit");
        // Slow answers, so the first run still holds the lock when the second gives up waiting (2 s).
        cli.Jira.Sandbox.Faults.Plan = new Sandbox.Jira.Faults.FaultPlan { Latency = TimeSpan.FromMilliseconds(400) };
        cli.Jira.Sandbox.Counters.Reset();

        var runs = Enumerable.Range(0, 2).Select(_ => Process.Start(CliProcess.StartInfo(cli, "sync", "--all", "--parallel", "1"))!).ToList();
        var results = await Task.WhenAll(runs.Select(async p =>
        {
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            await p.WaitForExitAsync();
            return (p.ExitCode, Stdout: await stdout, Stderr: await stderr);
        }));
        foreach (var run in runs) run.Dispose();
        cli.Jira.Sandbox.Faults.Plan = Sandbox.Jira.Faults.FaultPlan.None;

        results.Count(r => r.ExitCode == 0).ShouldBeGreaterThanOrEqualTo(1, string.Join("\n", results.Select(r => r.Stderr)));
        foreach (var refused in results.Where(r => r.ExitCode != 0))
        {
            refused.ExitCode.ShouldBe(1);
            refused.Stderr.ShouldContain("Another backlog-jira run holds");
            refused.Stderr.ShouldContain("pid ");
        }
        cli.Jira.Sandbox.Counters.For("PUT /rest/api/3/issue/{issueIdOrKey}").ShouldBe(6, "each summary sent once");
        using var rest = cli.Jira.Client();
        var mappings = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(cli.Root, ".backlog-jira", "mappings.json")))!["mappings"]!.AsArray();
        foreach (var mapping in mappings)
        {
            var task = mapping!["taskId"]!.GetValue<string>();
            (await rest.GetIssueAsync(mapping["jiraKey"]!.GetValue<string>(), CancellationToken.None))!.Summary.ShouldBe($"Task {task["TASK-".Length..]}, edited");
        }
        (await cli.RunAsync("status")).Stdout.ShouldNotContain("needs");
    }

    [Fact]
    public async Task A_sync_while_the_cli_edits_the_same_tasks_loses_no_edit_and_leaves_every_file_readable()
    {
        await using var cli = await CliRun.StartAsync();
        (await cli.RunAsync("init", "--project-key", "DEMO")).ExitCode.ShouldBe(0);
        for (var i = 1; i <= 4; i++) (await cli.BacklogAsync("task", "create", $"Task {i}")).EnsureSuccess("create");
        (await cli.RunAsync("create-issue", "1", "2", "3", "4")).ExitCode.ShouldBe(0);
        using (var rest = cli.Jira.Client())
            for (var i = 1; i <= 4; i++) await rest.UpdateIssueAsync($"DEMO-{i}", new JiraIssueUpdate { Labels = ["from-jira"] }, CancellationToken.None);
        cli.Jira.Sandbox.Faults.Plan = new Sandbox.Jira.Faults.FaultPlan { Latency = TimeSpan.FromMilliseconds(100) };

        // The sync pulls labels into the task files while the CLI changes their titles.
        using var sync = Process.Start(CliProcess.StartInfo(cli, "sync", "--all"))!;
        var syncOut = sync.StandardOutput.ReadToEndAsync();
        var syncErr = sync.StandardError.ReadToEndAsync();
        var edits = new List<int>();
        for (var i = 1; i <= 4; i++)
        {
            var edit = await cli.BacklogAsync("task", "edit", $"{i}", "-t", $"Task {i}, edited in the CLI");
            // The CLI refuses an edit while our writer holds that task's lock: a clear message, retried by the user.
            if (edit.ExitCode != 0) edit.Stderr.ShouldContain("being modified by another process");
            else edits.Add(i);
        }
        await sync.WaitForExitAsync();
        cli.Jira.Sandbox.Faults.Plan = Sandbox.Jira.Faults.FaultPlan.None;
        sync.ExitCode.ShouldBe(0, await syncErr + await syncOut);

        var store = BacklogJira.BacklogMd.BacklogMdTaskStore.Open(cli.Root);
        var scan = store.LoadAll();
        scan.Problems.ShouldBeEmpty();
        foreach (var task in scan.Tasks)
        {
            var number = int.Parse(task.Id.ToString()["TASK-".Length..], System.Globalization.CultureInfo.InvariantCulture);
            task.Labels.ShouldContain("from-jira", $"{task.Id}: the pulled label");
            if (edits.Contains(number)) task.Title.ShouldBe($"Task {number}, edited in the CLI");
        }
        (await cli.RunAsync("sync")).ExitCode.ShouldBe(0);
        using var check = cli.Jira.Client();
        var keys = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(cli.Root, ".backlog-jira", "mappings.json")))!["mappings"]!.AsArray()
            .ToDictionary(m => m!["taskId"]!.GetValue<string>(), m => m!["jiraKey"]!.GetValue<string>());
        foreach (var number in edits)
            (await check.GetIssueAsync(keys[$"TASK-{number}"], CancellationToken.None))!.Summary.ShouldBe($"Task {number}, edited in the CLI");
    }
}
