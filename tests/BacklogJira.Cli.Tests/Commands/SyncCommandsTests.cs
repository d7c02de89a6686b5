using System.Text.Json.Nodes;
using System.Text.Json;
using BacklogJira.Core.Ports;

namespace BacklogJira.Cli.Tests.Commands;

public class SyncCommandsTests
{
    [Fact]
    public async Task Init_create_issue_edit_both_sides_sync_and_status_through_the_command_line()
    {
        await using var cli = await CliRun.StartAsync();
        (await cli.RunAsync("init", "--project-key", "demo")).ExitCode.ShouldBe(0);
        (await cli.RunAsync("init")).Stdout.ShouldContain("nothing changed");
        (await cli.BacklogAsync("task", "create", "Ship the export", "-d", "CSV for finance", "--ac", "Header row")).EnsureSuccess("create");

        var created = await cli.RunAsync("create-issue", "1", "--json");
        created.ExitCode.ShouldBe(0, created.Stderr + created.Stdout);
        var document = JsonDocument.Parse(created.Stdout).RootElement;
        document.GetProperty("schemaVersion").GetInt32().ShouldBe(1);
        var key = document.GetProperty("tasks")[0].GetProperty("jiraKey").GetString()!;
        key.ShouldBe("DEMO-1");

        (await cli.BacklogAsync("task", "edit", "1", "-t", "Ship the CSV export")).EnsureSuccess("edit");
        using (var client = cli.Jira.Client())
            await client.UpdateIssueAsync(key, new JiraIssueUpdate { Labels = ["finance"] }, CancellationToken.None);

        var plan = await cli.RunAsync("sync", "--dry-run");
        plan.ExitCode.ShouldBe(0);
        plan.Stdout.ShouldContain("would push title");
        plan.Stdout.ShouldContain("would pull labels");
        plan.Stdout.ShouldContain("\"Ship the export\" → \"Ship the CSV export\"");

        var status = await cli.RunAsync("status", "--json");
        JsonDocument.Parse(status.Stdout).RootElement.GetProperty("tasks")[0].GetProperty("state").GetString().ShouldBe("needs-push-and-pull");

        var synced = await cli.RunAsync("sync");
        synced.ExitCode.ShouldBe(0, synced.Stdout);
        synced.Stdout.ShouldContain("pushed title; pulled labels");
        synced.Stderr.ShouldNotContain("needs a terminal", customMessage: "no conflict, nothing to ask");

        (await cli.BacklogAsync("task", "create", "Not in Jira yet")).EnsureSuccess("create");
        var again = await cli.RunAsync("status");
        again.Stdout.ShouldContain("TASK-1     DEMO-1     in sync");
        again.Stdout.ShouldNotContain("TASK-2", customMessage: "unmapped tasks are counted, not listed");
        again.Stdout.ShouldContain("Status: 1 pair(s): 1 in-sync; 1 task(s) not mapped to an issue.");
        (await cli.RunAsync("status", "--unmapped")).Stdout.ShouldContain("TASK-2                unmapped");
        var totals = JsonNode.Parse((await cli.RunAsync("status", "--json")).Stdout)!["totals"]!["states"]!;
        totals["in-sync"]!.GetValue<int>().ShouldBe(1);
        totals["unmapped"]!.GetValue<int>().ShouldBe(1);
        (await cli.RunAsync("map", "list")).Stdout.ShouldContain("TASK-1       DEMO-1");
        var history = (await cli.RunAsync("status", "--history", "5")).Stdout;
        history.ShouldContain(" sync TASK-1 ⇄ DEMO-1 success title, labels");
        history.ShouldNotContain("{");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-1")]
    public async Task A_history_length_that_is_not_a_positive_number_is_a_usage_error(string count)
    {
        await using var cli = await CliRun.StartAsync();
        await cli.RunAsync("init", "--project-key", "DEMO");
        var result = await cli.RunAsync("status", "--history", count);
        result.ExitCode.ShouldBe(3);
        result.Stderr.ShouldContain("--history needs a number of operations, 1 or more");
        result.Stderr.ShouldNotContain("System.");
    }

    [Fact]
    public async Task A_conflict_left_by_the_manual_strategy_exits_2_and_stays_until_settled()
    {
        await using var cli = await CliRun.StartAsync();
        await cli.RunAsync("init", "--project-key", "DEMO");
        (await cli.BacklogAsync("task", "create", "Original")).EnsureSuccess("create");
        (await cli.RunAsync("create-issue", "1")).ExitCode.ShouldBe(0);
        (await cli.BacklogAsync("task", "edit", "1", "-t", "Backlog title")).EnsureSuccess("edit");
        using (var client = cli.Jira.Client())
            await client.UpdateIssueAsync("DEMO-1", new JiraIssueUpdate { Summary = "Jira title" }, CancellationToken.None);

        var manual = await cli.RunAsync("sync", "--strategy", "manual");
        manual.ExitCode.ShouldBe(2);
        manual.Stdout.ShouldContain("conflict on title");
        (await cli.RunAsync("status")).ExitCode.ShouldBe(2);

        var settled = await cli.RunAsync("sync", "--strategy", "prefer-jira");
        settled.ExitCode.ShouldBe(0);
        (await cli.RunAsync("view", "1", "--json")).Stdout.ShouldContain("\"title\": \"Jira title\"");
    }

    [Theory]
    [InlineData("sync --strategy newest")]
    [InlineData("map auto --min-score 2")]
    [InlineData("push 1 --all")]
    [InlineData("pull --jql project=DEMO")]
    public async Task Usage_errors_exit_3_with_a_message(string commandLine)
    {
        var args = commandLine.Split(' ');
        await using var cli = await CliRun.StartAsync();
        await cli.RunAsync("init", "--project-key", "DEMO");
        var result = await cli.RunAsync(args);
        result.ExitCode.ShouldBe(3);
        result.Stderr.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Sync_before_init_says_to_run_init_and_exits_3()
    {
        await using var cli = await CliRun.StartAsync();
        var result = await cli.RunAsync("sync");
        result.ExitCode.ShouldBe(3);
        result.Stderr.ShouldContain("backlog-jira init");
    }

    [Fact]
    public async Task Pull_import_creates_tasks_and_map_auto_links_by_title()
    {
        await using var cli = await CliRun.StartAsync();
        await cli.RunAsync("init", "--project-key", "DEMO");
        (await cli.BacklogAsync("task", "create", "Seeded issue 1")).EnsureSuccess("create");
        cli.Jira.Sandbox.SeedIssues(3);

        var auto = await cli.RunAsync("map", "auto", "--json");
        auto.ExitCode.ShouldBe(0, auto.Stderr);
        JsonDocument.Parse(auto.Stdout).RootElement.GetProperty("matches")[0].GetProperty("jiraKey").GetString().ShouldBe("DEMO-1");

        var imported = await cli.RunAsync("pull", "--import", "--json");
        imported.ExitCode.ShouldBe(0, imported.Stdout + imported.Stderr);
        var tasks = JsonDocument.Parse(imported.Stdout).RootElement.GetProperty("tasks");
        tasks.EnumerateArray().Select(t => t.GetProperty("jiraKey").GetString()).ShouldBe(["DEMO-1", "DEMO-2", "DEMO-3"], ignoreOrder: true);
        (await cli.RunAsync("map", "list")).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(3);
    }
}
