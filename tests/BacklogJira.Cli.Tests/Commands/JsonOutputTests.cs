using System.Text.Json.Nodes;

namespace BacklogJira.Cli.Tests.Commands;

/// <summary>Every command that reports something can say it as one JSON document with a schemaVersion.</summary>
public class JsonOutputTests
{
    private static JsonNode Document(CliRun.Result result, string kind)
    {
        result.ExitCode.ShouldBe(0, result.Stderr);
        var json = JsonNode.Parse(result.Stdout)!;
        json["schemaVersion"]!.GetValue<int>().ShouldBe(1);
        json["kind"]!.GetValue<string>().ShouldBe(kind);
        return json;
    }

    [Fact]
    public async Task Init_mappings_and_assignee_commands_answer_in_json()
    {
        await using var cli = await CliRun.StartAsync();
        Document(await cli.RunAsync("init", "--project-key", "DEMO", "--json"), "init")["created"]!.AsArray().Count.ShouldBeGreaterThan(0);
        Document(await cli.RunAsync("map-assignees", "add", "@alice", "5b10a2844c20165700ede21a", "--no-check", "--json"), "assignee-mapping-added")["backlog"]!.GetValue<string>().ShouldBe("@alice");
        Document(await cli.RunAsync("map-assignees", "show", "--json"), "assignee-mappings")["mappings"]!.AsArray().Single()!["jira"]!.GetValue<string>().ShouldBe("5b10a2844c20165700ede21a");
        Document(await cli.RunAsync("map-assignees", "remove", "@alice", "--json"), "assignee-mapping-removed");

        (await cli.BacklogAsync("task", "create", "One")).EnsureSuccess("create");
        using (var client = cli.Jira.Client())
            await client.CreateIssueAsync(new BacklogJira.Core.Ports.JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "One" }, CancellationToken.None);
        Document(await cli.RunAsync("map", "link", "1", "DEMO-1", "--json"), "map-link")["jiraKey"]!.GetValue<string>().ShouldBe("DEMO-1");
        Document(await cli.RunAsync("map", "remove", "1", "--json"), "map-remove")["taskId"]!.GetValue<string>().ShouldBe("TASK-1");
    }
}

public class BulkImportConfirmationTests
{
    [Fact]
    public async Task Pull_import_on_a_terminal_asks_before_creating_tasks()
    {
        await using var cli = await CliRun.StartAsync();
        await cli.RunAsync("init", "--project-key", "DEMO");
        cli.Jira.Sandbox.SeedIssues(3);

        var declined = await cli.RunInteractiveAsync("n\n", "pull", "--import");
        declined.Stdout.ShouldContain("Create 3 task(s) from Jira issues (JQL: project = ");
        declined.Stdout.ShouldContain("Nothing imported.");
        Directory.GetFiles(Path.Combine(cli.Root, "backlog", "tasks")).ShouldBeEmpty();

        var accepted = await cli.RunInteractiveAsync("y\n", "pull", "--import");
        accepted.ExitCode.ShouldBe(0, accepted.Stderr);
        Directory.GetFiles(Path.Combine(cli.Root, "backlog", "tasks")).Length.ShouldBe(3);
    }
}
