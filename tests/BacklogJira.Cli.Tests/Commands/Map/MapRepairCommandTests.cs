using System.Text.Json.Nodes;

namespace BacklogJira.Cli.Tests.Commands.Map;

/// <summary>Issue 15, item 10: a lost or damaged mapping file is rebuilt from both anchors, shown first, written on --apply.</summary>
public class MapRepairCommandTests
{
    [Fact]
    public async Task A_lost_mapping_file_is_rebuilt_from_jira_keys_and_create_issue_marks()
    {
        await using var cli = await CliRun.StartAsync();
        await cli.RunAsync("init", "--project-key", "DEMO");
        for (var i = 1; i <= 3; i++) (await cli.BacklogAsync("task", "create", $"Task {i}")).EnsureSuccess("create");
        (await cli.RunAsync("create-issue", "1", "2", "--parallel", "1")).ExitCode.ShouldBe(0);
        using (var rest = cli.Jira.Client())
            await rest.CreateIssueAsync(new BacklogJira.Core.Ports.JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "Task 3" }, CancellationToken.None);
        (await cli.RunAsync("map", "link", "3", "DEMO-3")).ExitCode.ShouldBe(0);
        (await cli.RunAsync("sync")).ExitCode.ShouldBe(0);
        // The mapping file is lost, and TASK-2 loses its jira_key to a CLI edit: only Jira's mark still names it.
        File.Delete(Path.Combine(cli.Root, ".backlog-jira", "mappings.json"));
        (await cli.BacklogAsync("task", "edit", "2", "-s", "In Progress")).EnsureSuccess("edit");

        var doctor = await cli.RunAsync("doctor");
        doctor.Stdout.ShouldContain("map repair");

        var plan = await cli.RunAsync("map", "repair", "--json");
        plan.ExitCode.ShouldBe(0, plan.Stdout + plan.Stderr);
        var pairs = JsonNode.Parse(plan.Stdout)!["pairs"]!.AsArray().Select(p => (p!["taskId"]!.GetValue<string>(), p["jiraKey"]!.GetValue<string>(), p["evidence"]!.GetValue<string>())).ToList();
        pairs.ShouldBe([("TASK-1", "DEMO-1", "both"), ("TASK-2", "DEMO-2", "property"), ("TASK-3", "DEMO-3", "mirror")]);
        File.Exists(Path.Combine(cli.Root, ".backlog-jira", "mappings.json")).ShouldBeFalse("a plan writes nothing");

        var applied = await cli.RunAsync("map", "repair", "--apply");
        applied.ExitCode.ShouldBe(0, applied.Stdout + applied.Stderr);
        applied.Stdout.ShouldContain("3 pair(s) restored");
        (await cli.RunAsync("map", "list")).Stdout.ShouldContain("TASK-2       DEMO-2");
        var status = await cli.RunAsync("status");
        status.Stdout.ShouldNotContain("unmapped");
        status.Stdout.ShouldContain("in sync");
    }

    [Fact]
    public async Task A_damaged_mapping_file_is_kept_aside_and_contradictions_are_left_to_the_user()
    {
        await using var cli = await CliRun.StartAsync();
        await cli.RunAsync("init", "--project-key", "DEMO");
        (await cli.BacklogAsync("task", "create", "First")).EnsureSuccess("create");
        (await cli.BacklogAsync("task", "create", "Second")).EnsureSuccess("create");
        (await cli.RunAsync("create-issue", "1", "2", "--parallel", "1")).ExitCode.ShouldBe(0);
        var mappingsPath = Path.Combine(cli.Root, ".backlog-jira", "mappings.json");
        await File.WriteAllTextAsync(mappingsPath, "{ \"mappings\": [ {\"taskId\": ");
        // TASK-2's jira_key now names DEMO-1, the issue create-issue made for TASK-1.
        var second = Directory.GetFiles(Path.Combine(cli.Root, "backlog", "tasks"), "task-2 *").Single();
        await File.WriteAllTextAsync(second, (await File.ReadAllTextAsync(second)).Replace("jira_key: DEMO-2", "jira_key: DEMO-1", StringComparison.Ordinal));

        (await cli.RunAsync("doctor")).Stdout.ShouldContain("map repair");
        var applied = await cli.RunAsync("map", "repair", "--apply");
        applied.ExitCode.ShouldBe(2, applied.Stdout + applied.Stderr);
        applied.Stdout.ShouldContain("does not read");
        applied.Stdout.ShouldContain("DEMO-1 was created for TASK-1");
        Directory.GetFiles(Path.Combine(cli.Root, ".backlog-jira"), "mappings.json.damaged-*").ShouldHaveSingleItem();
        var list = (await cli.RunAsync("map", "list")).Stdout;
        list.ShouldNotContain("TASK-2", Case.Sensitive, "a contradicted task is left for the user");
    }
}
