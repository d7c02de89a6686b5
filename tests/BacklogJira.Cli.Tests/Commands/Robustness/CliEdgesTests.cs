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
