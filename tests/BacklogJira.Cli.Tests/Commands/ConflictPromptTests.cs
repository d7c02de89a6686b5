using BacklogJira.Core.Ports;

namespace BacklogJira.Cli.Tests.Commands;

/// <summary>Issue 14, cases 1 and 8, through the CLI: the prompt names the pair and shows the last agreed value, and a
/// handle with no Jira user is reported as waiting for its mapping (exit 0), never as a conflict.</summary>
public class ConflictPromptTests
{
    [Fact]
    public async Task The_prompt_names_task_and_issue_and_shows_the_last_agreed_value()
    {
        await using var cli = await CliRun.StartAsync();
        await cli.RunAsync("init", "--project-key", "DEMO");
        (await cli.BacklogAsync("task", "create", "Agreed title")).EnsureSuccess("create");
        (await cli.RunAsync("create-issue", "1")).ExitCode.ShouldBe(0);
        (await cli.BacklogAsync("task", "edit", "1", "-t", "Backlog title")).EnsureSuccess("edit");
        using (var client = cli.Jira.Client())
            await client.UpdateIssueAsync("DEMO-1", new JiraIssueUpdate { Summary = "Jira title" }, CancellationToken.None);

        var result = await cli.RunInteractiveAsync("j\n", "sync", "1", "--strategy", "prompt");
        result.ExitCode.ShouldBe(0, result.Stdout + result.Stderr);
        result.Stdout.ShouldContain("Conflict on title of TASK-1 ⇄ DEMO-1:");
        result.Stdout.ShouldContain("last agreed: Agreed title");
        result.Stdout.ShouldContain("[b] Backlog: Backlog title");
        result.Stdout.ShouldContain("[j] Jira:    Jira title");
        (await cli.BacklogAsync("task", "view", "1", "--plain")).Stdout.ShouldContain("Jira title");
    }

    [Fact]
    public async Task An_assignee_with_no_jira_user_waits_with_the_command_that_maps_it()
    {
        await using var cli = await CliRun.StartAsync();
        await cli.RunAsync("init", "--project-key", "DEMO");
        (await cli.BacklogAsync("task", "create", "Zoe's task", "-a", "@zoe")).EnsureSuccess("create");

        var created = await cli.RunAsync("create-issue", "1");
        created.ExitCode.ShouldBe(0, created.Stdout + created.Stderr);
        created.Stdout.ShouldContain("cannot push yet: assignee");
        created.Stdout.ShouldContain("backlog-jira map-assignees add @zoe");
        created.Stdout.ShouldNotContain("conflict on");

        var status = await cli.RunAsync("status", "1");
        status.ExitCode.ShouldBe(0);
        status.Stdout.ShouldContain("cannot push yet: assignee");
        var synced = await cli.RunAsync("sync", "1", "--strategy", "prefer-jira");
        synced.ExitCode.ShouldBe(0);
        (await cli.BacklogAsync("task", "view", "1", "--plain")).Stdout.ShouldContain("@zoe");
    }
}
