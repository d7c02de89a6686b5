using System.Text.Json.Nodes;
using BacklogJira.Core.Ports;

namespace BacklogJira.Cli.Tests.Commands;

public class ViewWithJiraTests
{
    [Fact]
    public async Task View_with_jira_shows_both_sides_field_by_field_with_their_state_and_the_history()
    {
        await using var cli = await CliRun.StartAsync();
        await cli.RunAsync("init", "--project-key", "DEMO");
        (await cli.BacklogAsync("task", "create", "Ship the export", "-d", "CSV for finance", "-l", "csv")).EnsureSuccess("create");
        (await cli.RunAsync("create-issue", "1")).ExitCode.ShouldBe(0);
        (await cli.BacklogAsync("task", "edit", "1", "-t", "Ship the CSV export")).EnsureSuccess("edit");
        using (var client = cli.Jira.Client())
            await client.UpdateIssueAsync("DEMO-1", new JiraIssueUpdate { Labels = ["finance"] }, CancellationToken.None);

        var text = await cli.RunAsync("view", "1", "--with-jira", "--history");
        text.ExitCode.ShouldBe(0, text.Stderr);
        text.Stdout.ShouldContain("TASK-1 ⇄ DEMO-1");
        text.Stdout.ShouldContain("needs-push-and-pull");
        text.Stdout.ShouldMatch(@"title\s+Ship the CSV export\s+Ship the export\s+changed in Backlog");
        text.Stdout.ShouldMatch(@"labels\s+csv\s+finance\s+changed in Jira");
        text.Stdout.ShouldMatch(@"description\s+CSV for finance\s+CSV for finance\s+in sync");
        text.Stdout.ShouldContain("History of TASK-1");
        text.Stdout.ShouldContain("create-issue DEMO-1 success");

        var json = JsonNode.Parse((await cli.RunAsync("view", "1", "--with-jira", "--history", "--json")).Stdout)!;
        json["task"]!["id"]!.GetValue<string>().ShouldBe("TASK-1");
        json["jira"]!["state"]!.GetValue<string>().ShouldBe("needs-push-and-pull");
        var title = json["jira"]!["fields"]!.AsArray().Single(f => f!["field"]!.GetValue<string>() == "title")!;
        title["backlog"]!.GetValue<string>().ShouldBe("Ship the CSV export");
        title["jira"]!.GetValue<string>().ShouldBe("Ship the export");
        title["state"]!.GetValue<string>().ShouldBe("changed in Backlog");
        json["history"]!.AsArray().ShouldContain(h => h!["op"]!.GetValue<string>() == "create-issue");

        // Reading never writes: the task file is as the CLI left it.
        (await cli.RunAsync("view", "1", "--with-jira")).ExitCode.ShouldBe(0);
        (await cli.RunAsync("status", "1", "--json")).Stdout.ShouldContain("needs-push-and-pull");
        (await cli.RunAsync("view", "1", "2", "--with-jira")).ExitCode.ShouldBe(3);
    }
}
