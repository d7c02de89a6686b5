using BacklogJira.Core.Ports;

namespace BacklogJira.Cli.Tests.Commands;

public class MapAssigneesCommandTests
{
    [Fact]
    public async Task An_unmapped_jira_assignee_is_reported_with_the_command_that_maps_it_and_arrives_once_mapped()
    {
        await using var cli = await CliRun.StartAsync();
        await cli.RunAsync("init", "--project-key", "DEMO");
        (await cli.BacklogAsync("task", "create", "Needs an owner")).EnsureSuccess("create");
        (await cli.RunAsync("create-issue", "1")).ExitCode.ShouldBe(0);
        using (var client = cli.Jira.Client())
        {
            var carol = await client.FindUserAsync("carol@example.com", CancellationToken.None);
            await client.UpdateIssueAsync("DEMO-1", new JiraIssueUpdate { ChangeAssignee = true, Assignee = carol }, CancellationToken.None);
        }

        var before = await cli.RunAsync("sync");
        before.Stdout.ShouldContain("map-assignees add @<handle> 5b10a2844c20165700ede23c");

        var added = await cli.RunAsync("map-assignees", "add", "@carol", "carol@example.com");
        added.ExitCode.ShouldBe(0, added.Stderr);
        added.Stdout.ShouldContain("@carol → 5b10a2844c20165700ede23c (Carol Diaz)");
        (await cli.RunAsync("map-assignees", "add", "carol", "bob@example.com")).ExitCode.ShouldBe(1);
        (await cli.RunAsync("map-assignees", "show")).Stdout.ShouldContain("@carol → 5b10a2844c20165700ede23c");

        var after = await cli.RunAsync("sync");
        after.Stdout.ShouldContain("pulled assignee");
        (await cli.RunAsync("view", "1", "--json")).Stdout.ShouldContain("\"@carol\"");

        (await cli.RunAsync("map-assignees", "remove", "@carol")).ExitCode.ShouldBe(0);
        (await cli.RunAsync("map-assignees", "remove", "@carol")).ExitCode.ShouldBe(1);
    }
}
