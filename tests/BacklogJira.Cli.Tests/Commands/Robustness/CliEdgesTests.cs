namespace BacklogJira.Cli.Tests.Commands.Robustness;

/// <summary>Issue 15, item 13: the edges of the command line.</summary>
public class CliEdgesTests
{
    [Fact]
    public async Task No_arguments_show_the_help()
    {
        await using var cli = await CliRun.StartAsync();
        var result = await cli.RunAsync();
        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldContain("keep Backlog.md tasks and Jira issues in sync");
        result.Stdout.ShouldContain("sync");
        (result.Stdout + result.Stderr).ShouldNotContain("Required command was not provided");
    }

    [Theory]
    [InlineData("statsu", "Did you mean 'status'?")]
    [InlineData("snyc", "Did you mean 'sync'?")]
    [InlineData("create", "Did you mean 'create-issue'?")]
    [InlineData("frobnicate", "'frobnicate' is not a backlog-jira command.")]
    [InlineData("map lst", "'lst' is not a backlog-jira map command. Did you mean 'list'?")]
    [InlineData("map-assignees lsit", "'lsit' is not a backlog-jira map-assignees command. Did you mean 'list'?")]
    public async Task An_unknown_command_says_so_and_suggests_the_closest(string typed, string expected)
    {
        await using var cli = await CliRun.StartAsync();
        var result = await cli.RunAsync(typed.Split(' '));
        result.ExitCode.ShouldBe(3);
        result.Stderr.ShouldContain(expected);
        result.Stderr.ShouldNotContain("Required command was not provided");
    }

    [Fact]
    public async Task With_json_a_failure_prints_one_json_error_document()
    {
        await using var cli = await CliRun.StartAsync();
        var notSetUp = await cli.RunAsync("status", "--json");
        notSetUp.ExitCode.ShouldBe(3);
        var document = System.Text.Json.Nodes.JsonNode.Parse(notSetUp.Stdout)!;
        document["kind"]!.GetValue<string>().ShouldBe("error");
        document["exitCode"]!.GetValue<int>().ShouldBe(3);
        document["message"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();

        var badFlag = await cli.RunAsync("map", "list", "--json", "--transport", "rset");
        badFlag.ExitCode.ShouldBe(3);
        System.Text.Json.Nodes.JsonNode.Parse(badFlag.Stdout)!["message"]!.GetValue<string>().ShouldContain("rset");
    }

    [Fact]
    public async Task Map_link_refuses_a_malformed_key_and_takes_the_key_from_a_pasted_address()
    {
        await using var cli = await CliRun.StartAsync();
        await cli.RunAsync("init", "--project-key", "DEMO");
        (await cli.BacklogAsync("task", "create", "First")).EnsureSuccess("create");
        using (var rest = cli.Jira.Client())
            await rest.CreateIssueAsync(new BacklogJira.Core.Ports.JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "First" }, CancellationToken.None);

        var malformed = await cli.RunAsync("map", "link", "1", "DEMO1");
        malformed.ExitCode.ShouldBe(3);
        malformed.Stderr.ShouldContain("'DEMO1' is not a Jira issue key");
        malformed.Stderr.ShouldNotContain("not visible");

        var pasted = await cli.RunAsync("map", "link", "1", $"{cli.Jira.Sandbox.BaseUrl}browse/DEMO-1");
        pasted.ExitCode.ShouldBe(0, pasted.Stderr);
        pasted.Stderr.ShouldContain("Using DEMO-1, taken from the address");
        pasted.Stdout.ShouldContain("Linked TASK-1 → DEMO-1");
    }

    [Fact]
    public async Task Status_of_a_task_that_does_not_exist_never_suggests_creating_an_issue_for_it()
    {
        await using var cli = await CliRun.StartAsync();
        await cli.RunAsync("init", "--project-key", "DEMO");
        (await cli.BacklogAsync("task", "create", "First")).EnsureSuccess("create");

        var missing = await cli.RunAsync("status", "TASK-99999");
        (missing.Stdout + missing.Stderr).ShouldContain("There is no task TASK-99999");
        (missing.Stdout + missing.Stderr).ShouldNotContain("create-issue TASK-99999");
        (await cli.RunAsync("status", "TASK-1")).Stdout.ShouldContain("create-issue TASK-1");
    }

    [Theory]
    [InlineData("map", "list")]
    [InlineData("status")]
    [InlineData("doctor")]
    public async Task A_misspelt_transport_is_refused_by_every_command(params string[] command)
    {
        await using var cli = await CliRun.StartAsync();
        await cli.RunAsync("init", "--project-key", "DEMO");
        var result = await cli.RunAsync([.. command, "--transport", "rset"]);
        result.ExitCode.ShouldBe(3);
        result.Stderr.ShouldContain("rset");
    }

    [Fact]
    public async Task Tasks_are_listed_in_number_order()
    {
        await using var cli = await CliRun.StartAsync();
        await cli.RunAsync("init", "--project-key", "DEMO");
        for (var i = 1; i <= 10; i++) (await cli.BacklogAsync("task", "create", $"Task {i}")).EnsureSuccess("create");
        (await cli.RunAsync("create-issue", "2", "10")).ExitCode.ShouldBe(0);

        var status = (await cli.RunAsync("status")).Stdout;
        status.IndexOf("TASK-2 ", StringComparison.Ordinal).ShouldBeLessThan(status.IndexOf("TASK-10", StringComparison.Ordinal));
        var list = (await cli.RunAsync("map", "list")).Stdout;
        list.IndexOf("TASK-2 ", StringComparison.Ordinal).ShouldBeLessThan(list.IndexOf("TASK-10", StringComparison.Ordinal));
    }
}
