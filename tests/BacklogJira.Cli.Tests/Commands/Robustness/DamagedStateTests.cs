namespace BacklogJira.Cli.Tests.Commands.Robustness;

/// <summary>Issue 15, item 3: damaged state files give one clear line and a meaningful exit code, never a stack trace.</summary>
public class DamagedStateTests
{
    private static async Task<CliRun> MappedProjectAsync()
    {
        var cli = await CliRun.StartAsync();
        await cli.RunAsync("init", "--project-key", "DEMO");
        (await cli.BacklogAsync("task", "create", "One")).EnsureSuccess("create");
        (await cli.RunAsync("create-issue", "1")).ExitCode.ShouldBe(0);
        return cli;
    }

    private static void ShouldBeOneClearLine(CliRun.Result result, string expected)
    {
        var all = result.Stdout + result.Stderr;
        all.ShouldContain(expected, Case.Insensitive, all);
        all.ShouldNotContain("   at ", Case.Sensitive, all);
        all.ShouldNotContain("Unhandled", Case.Insensitive, all);
    }

    [Fact]
    public async Task A_mapping_file_replaced_by_a_folder_is_named_with_the_fix()
    {
        await using var cli = await MappedProjectAsync();
        var mappings = Path.Combine(cli.Root, ".backlog-jira", "mappings.json");
        File.Delete(mappings);
        Directory.CreateDirectory(mappings);

        foreach (var args in new[] { new[] { "status" }, ["sync"], ["map", "list"], ["map", "link", "1", "DEMO-1"] })
        {
            var result = await cli.RunAsync(args);
            result.ExitCode.ShouldBe(3, string.Join(' ', args) + "\n" + result.Stdout + result.Stderr);
            ShouldBeOneClearLine(result, "is a folder, not the mapping file");
        }
    }

    [Theory]
    [InlineData("""{"schemaVersion":1,"mappings":[null]}""")]
    [InlineData("""{"schemaVersion":1,"mappings":[{"taskId":null,"jiraKey":"DEMO-1","mappedAt":"2026-01-01T00:00:00Z"}]}""")]
    public async Task A_mapping_entry_without_its_ids_is_named(string content)
    {
        await using var cli = await MappedProjectAsync();
        File.WriteAllText(Path.Combine(cli.Root, ".backlog-jira", "mappings.json"), content);

        var result = await cli.RunAsync("status");
        result.ExitCode.ShouldBe(3);
        ShouldBeOneClearLine(result, "entry 1");
    }

    [Fact]
    public async Task A_log_that_cannot_be_written_is_a_failure_that_says_which_file()
    {
        await using var cli = await MappedProjectAsync();
        var log = Path.Combine(cli.Root, ".backlog-jira", "ops-log.jsonl");
        File.Delete(log);
        Directory.CreateDirectory(log);
        (await cli.BacklogAsync("task", "edit", "1", "-t", "One, edited")).EnsureSuccess("edit");

        var result = await cli.RunAsync("sync");
        result.ExitCode.ShouldBe(1, result.Stdout + result.Stderr);
        ShouldBeOneClearLine(result, "ops-log.jsonl");
    }

    [Fact]
    public async Task Advice_for_a_broken_config_is_advice_that_works()
    {
        await using var cli = await MappedProjectAsync();
        var config = Path.Combine(cli.Root, ".backlog-jira", "config.json");
        File.WriteAllText(config, "{ \"jira\": ");

        var status = await cli.RunAsync("status");
        status.ExitCode.ShouldBe(3);
        status.Stderr.ShouldContain("move it away (e.g. to config.json.bak) and run 'backlog-jira init --project-key <KEY>'");
        // The advice, followed: init then writes a new file.
        File.Move(config, config + ".bak");
        (await cli.RunAsync("init", "--project-key", "DEMO")).ExitCode.ShouldBe(0);
        (await cli.RunAsync("status")).ExitCode.ShouldBe(0);
    }
}
