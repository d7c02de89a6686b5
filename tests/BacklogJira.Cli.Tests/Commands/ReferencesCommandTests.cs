using System.Text.Json.Nodes;
using BacklogJira.Core.Ports;

namespace BacklogJira.Cli.Tests.Commands;

/// <summary>Issue 16, references ⇄ web links through the CLI as a user runs it: switched on in config, checked by
/// <c>connect</c>, written by <c>create-issue</c>, read back by <c>sync</c>.</summary>
public class ReferencesCommandTests
{
    [Fact]
    public async Task Switched_on_references_become_web_links_and_web_links_come_back_as_references()
    {
        await using var cli = await CliRun.StartAsync();
        (await cli.RunAsync("init", "--project-key", "DEMO")).ExitCode.ShouldBe(0);
        await cli.EditConfigAsync(config => config["sync"]!["fields"] = new JsonObject { ["references"] = true });
        (await cli.BacklogAsync("task", "create", "Linked", "--ref", "https://example.com/spec", "--ref", "docs/spec.md")).EnsureSuccess("create");

        (await cli.RunAsync("connect")).Stdout.ShouldContain("add comments, link issues in DEMO");
        var created = await cli.RunAsync("create-issue", "1");
        created.ExitCode.ShouldBe(0, created.Stdout + created.Stderr);
        using var client = cli.Jira.Client();
        (await client.GetRemoteLinksAsync("DEMO-1", CancellationToken.None)).Select(l => l.Url).ShouldBe(["https://example.com/spec"]);

        await client.UpsertRemoteLinkAsync("DEMO-1", new JiraRemoteLink(null, "https://ci.example.com/run/7", "CI run"), CancellationToken.None);
        var synced = await cli.RunAsync("sync", "1");
        synced.ExitCode.ShouldBe(0, synced.Stdout + synced.Stderr);
        synced.Stdout.ShouldContain("references");
        var view = (await cli.BacklogAsync("task", "view", "1", "--plain")).Stdout;
        view.ShouldContain("https://ci.example.com/run/7");
        view.ShouldContain("docs/spec.md");
        (await cli.RunAsync("status", "1")).Stdout.ShouldContain("in sync");
    }
}
