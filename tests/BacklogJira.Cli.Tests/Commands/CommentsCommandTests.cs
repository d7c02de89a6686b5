using System.Text.Json.Nodes;

namespace BacklogJira.Cli.Tests.Commands;

/// <summary>Issue 17, comments through the CLI as a user runs it: switched on in config, posted by <c>create-issue</c>,
/// pulled by <c>sync</c>, shown by the real CLI, and a second sync that writes nothing.</summary>
public class CommentsCommandTests
{
    [Fact]
    public async Task Switched_on_comments_travel_both_ways_through_the_commands()
    {
        await using var cli = await CliRun.StartAsync();
        (await cli.RunAsync("init", "--project-key", "DEMO")).ExitCode.ShouldBe(0);
        await cli.EditConfigAsync(config => config["sync"]!["fields"] = new JsonObject { ["comments"] = true });
        (await cli.BacklogAsync("task", "create", "Discussed")).EnsureSuccess("create");
        (await cli.BacklogAsync("task", "edit", "1", "--comment", "Please review", "--comment-author", "@alice")).EnsureSuccess("comment");

        (await cli.RunAsync("connect")).Stdout.ShouldContain("edit own comments in DEMO");
        var created = await cli.RunAsync("create-issue", "1");
        created.ExitCode.ShouldBe(0, created.Stdout + created.Stderr);
        using var client = cli.Jira.Client();
        (await client.GetCommentsAsync("DEMO-1", CancellationToken.None)).Single().Body.ShouldEndWith("Please review");

        await client.AddCommentAsync("DEMO-1", "Reviewed in Jira", CancellationToken.None);
        var synced = await cli.RunAsync("sync", "1");
        synced.ExitCode.ShouldBe(0, synced.Stdout + synced.Stderr);
        synced.Stdout.ShouldContain("comments");
        (await cli.BacklogAsync("task", "view", "1", "--plain")).Stdout.ShouldContain("Reviewed in Jira");

        var again = await cli.RunAsync("sync", "1", "--json");
        again.ExitCode.ShouldBe(0, again.Stdout + again.Stderr);
        (await client.GetCommentsAsync("DEMO-1", CancellationToken.None)).Count.ShouldBe(2);
        (await cli.RunAsync("status", "1")).Stdout.ShouldContain("in sync");
    }
}
