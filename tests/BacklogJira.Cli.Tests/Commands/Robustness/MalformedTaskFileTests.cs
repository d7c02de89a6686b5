namespace BacklogJira.Cli.Tests.Commands.Robustness;

/// <summary>Issue 15, items 1 and 2: one task file whose frontmatter does not parse stops no command. It is reported
/// (file, line, reason) and skipped, and a mapped task in that state is called unreadable, never deleted.</summary>
public class MalformedTaskFileTests
{
    private static string TaskFile(CliRun cli, string number) =>
        Directory.GetFiles(Path.Combine(cli.Root, "backlog", "tasks"), $"task-{number} - *.md").Single();

    private static void Break(CliRun cli, string number, string brokenLine)
    {
        var path = TaskFile(cli, number);
        var text = File.ReadAllText(path);
        File.WriteAllText(path, System.Text.RegularExpressions.Regex.Replace(text, "(?m)^status: .*$", brokenLine));
    }

    [Theory]
    [InlineData("status: [To Do")]
    [InlineData("status: {To Do")]
    public async Task Every_command_reports_the_broken_file_and_goes_on_with_the_others(string brokenLine)
    {
        await using var cli = await CliRun.StartAsync();
        await cli.RunAsync("init", "--project-key", "DEMO");
        (await cli.BacklogAsync("task", "create", "Healthy")).EnsureSuccess("create");
        (await cli.BacklogAsync("task", "create", "Broken later")).EnsureSuccess("create");
        (await cli.RunAsync("create-issue", "1")).ExitCode.ShouldBe(0);
        Break(cli, "2", brokenLine);
        var before = File.ReadAllText(TaskFile(cli, "2"));

        foreach (var args in new[] { new[] { "status" }, ["status", "1"], ["sync"], ["pull", "--import", "--dry-run"], ["doctor"], ["view", "--all"], ["map", "auto", "--dry-run"] })
        {
            var result = await cli.RunAsync(args);
            var what = string.Join(' ', args) + "\n" + result.Stdout + result.Stderr;
            result.ExitCode.ShouldBeOneOf([0, 1], what);
            (result.Stdout + result.Stderr).ShouldNotContain("YamlDotNet", Case.Insensitive, what);
            (result.Stdout + result.Stderr).ShouldNotContain("   at ", Case.Sensitive, what);
        }
        var status = await cli.RunAsync("status");
        (status.Stdout + status.Stderr).ShouldContain("task-2 - Broken-later.md");
        status.Stdout.ShouldContain("TASK-1");
        File.ReadAllText(TaskFile(cli, "2")).ShouldBe(before, "a file that does not parse is never written");
    }

    [Fact]
    public async Task A_mapped_task_whose_file_does_not_parse_is_unreadable_not_deleted()
    {
        await using var cli = await CliRun.StartAsync();
        await cli.RunAsync("init", "--project-key", "DEMO");
        (await cli.BacklogAsync("task", "create", "Soon broken")).EnsureSuccess("create");
        (await cli.RunAsync("create-issue", "1")).ExitCode.ShouldBe(0);
        Break(cli, "1", "status: [To Do");

        var status = await cli.RunAsync("status");
        var all = status.Stdout + status.Stderr;
        all.ShouldContain("TASK-1");
        all.ShouldContain("does not parse", Case.Insensitive);
        all.ShouldContain("line ");
        all.ShouldNotContain("map remove");
        all.ShouldNotContain("deleted");
        var sync = await cli.RunAsync("sync");
        (sync.Stdout + sync.Stderr).ShouldNotContain("map remove");
        File.Exists(Path.Combine(cli.Root, ".backlog-jira", "mappings.json")).ShouldBeTrue();
        (await cli.RunAsync("map", "list")).Stdout.ShouldContain("DEMO-1", customMessage: "the mapping is kept");
    }
}
