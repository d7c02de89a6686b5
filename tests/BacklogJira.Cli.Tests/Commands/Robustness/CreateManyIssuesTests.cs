using System.Text.Json.Nodes;

namespace BacklogJira.Cli.Tests.Commands.Robustness;

/// <summary>Issue 15, items 11 and 18: create-issue over many tasks runs side by side without losing a mapping or
/// making a duplicate, and its dry run lists what the real run sends.</summary>
public class CreateManyIssuesTests
{
    [Fact]
    public async Task Many_tasks_at_once_each_get_one_issue_and_one_mapping()
    {
        await using var cli = await CliRun.StartAsync();
        await cli.RunAsync("init", "--project-key", "DEMO");
        for (var i = 1; i <= 12; i++) (await cli.BacklogAsync("task", "create", $"Task {i}")).EnsureSuccess("create");
        var ids = Enumerable.Range(1, 12).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var result = await cli.RunAsync(["create-issue", .. ids, "1", "TASK-2", "--json"]);
        result.ExitCode.ShouldBe(0, result.Stdout + result.Stderr);

        var tasks = JsonNode.Parse(result.Stdout)!["tasks"]!.AsArray();
        tasks.Count.ShouldBe(12, "a task named twice is created once");
        tasks.Select(t => t!["jiraKey"]!.GetValue<string>()).Distinct().Count().ShouldBe(12);
        var mappings = JsonNode.Parse(File.ReadAllText(Path.Combine(cli.Root, ".backlog-jira", "mappings.json")))!["mappings"]!.AsArray();
        mappings.Count.ShouldBe(12, "no mapping lost to a concurrent save");
        cli.Jira.Sandbox.State.Read(d => d.Issues.Count).ShouldBe(12);
    }

    [Fact]
    public async Task The_dry_run_lists_every_field_the_issue_gets()
    {
        await using var cli = await CliRun.StartAsync();
        await cli.RunAsync("init", "--project-key", "DEMO");
        (await cli.BacklogAsync("task", "create", "Full task", "-d", "Some words", "-l", "ui,api", "--priority", "high", "--ac", "It works")).EnsureSuccess("create");

        var plan = await cli.RunAsync("create-issue", "1", "--dry-run");
        plan.ExitCode.ShouldBe(0, plan.Stdout + plan.Stderr);
        foreach (var field in new[] { "title", "description", "labels", "priority", "acceptanceCriteria", "status" })
            plan.Stdout.ShouldContain($"    {field}", Case.Sensitive, plan.Stdout);

        var real = JsonNode.Parse((await cli.RunAsync("create-issue", "1", "--json")).Stdout)!["tasks"]![0]!["pushed"]!.AsArray()
            .Select(f => f!.GetValue<string>()).ToList();
        real.ShouldBe(["title", "description", "status", "labels", "priority", "acceptanceCriteria"], ignoreOrder: true);
    }
}
