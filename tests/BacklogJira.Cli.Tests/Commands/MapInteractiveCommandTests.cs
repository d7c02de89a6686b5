using BacklogJira.Core.Ports;

namespace BacklogJira.Cli.Tests.Commands;

public class MapInteractiveCommandTests
{
    [Fact]
    public async Task Interactive_mapping_offers_the_closest_issues_searches_by_jql_and_skips_on_enter()
    {
        await using var cli = await CliRun.StartAsync();
        await cli.RunAsync("init", "--project-key", "DEMO");
        (await cli.BacklogAsync("task", "create", "Export report")).EnsureSuccess("create");
        (await cli.BacklogAsync("task", "create", "Nothing alike")).EnsureSuccess("create");
        (await cli.BacklogAsync("task", "create", "Skip me")).EnsureSuccess("create");
        using (var client = cli.Jira.Client())
        {
            await client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "Export report as CSV" }, CancellationToken.None);
            await client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "Totally different" }, CancellationToken.None);
        }

        // TASK-1: pick the first offer; TASK-2: search by JQL, then pick; TASK-3: skip.
        var result = await cli.RunInteractiveAsync("1\ns\nsummary ~ \"different\"\n1\n\n", "map", "interactive");

        result.ExitCode.ShouldBe(0, result.Stderr + result.Stdout);
        result.Stdout.ShouldContain("[1] DEMO-1");
        result.Stdout.ShouldContain("✓ Mapped TASK-1 → DEMO-1");
        result.Stdout.ShouldContain("✓ Mapped TASK-2 → DEMO-2");
        result.Stdout.ShouldContain("2 pair(s) mapped");
        (await cli.RunAsync("map", "list")).Stdout.ShouldNotContain("TASK-3");
    }

    [Fact]
    public async Task Interactive_mapping_refuses_to_run_without_a_terminal()
    {
        await using var cli = await CliRun.StartAsync();
        await cli.RunAsync("init", "--project-key", "DEMO");
        var result = await cli.RunAsync("map", "interactive");
        result.ExitCode.ShouldBe(3);
        result.Stderr.ShouldContain("map auto");
    }
}
