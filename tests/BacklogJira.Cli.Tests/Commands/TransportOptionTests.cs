using System.Text.Json.Nodes;

namespace BacklogJira.Cli.Tests.Commands;

/// <summary><c>--transport mcp</c> and <c>jira.transport</c> route the same commands through the MCP server named in
/// config <c>mcp</c> (here the stand-in).</summary>
public class TransportOptionTests
{
    [Fact]
    public async Task Create_issue_and_sync_through_the_mcp_server_from_the_command_line()
    {
        await using var cli = await CliRun.StartAsync();
        (await cli.RunAsync("init", "--project-key", "DEMO")).ExitCode.ShouldBe(0);
        var configPath = Path.Combine(cli.Root, ".backlog-jira", "config.json");
        var config = await cli.UseMcpStandInAsync();
        (await cli.BacklogAsync("task", "create", "Ship the export", "-d", "CSV for finance")).EnsureSuccess("create");

        var created = await cli.RunAsync("create-issue", "1", "--transport", "mcp");
        created.ExitCode.ShouldBe(0, created.Stderr + created.Stdout);
        (await cli.BacklogAsync("task", "edit", "1", "-s", "In Progress")).EnsureSuccess("edit");

        var synced = await cli.RunAsync("sync", "--transport", "mcp");
        synced.ExitCode.ShouldBe(0, synced.Stderr + synced.Stdout);
        using var rest = cli.Jira.Client();
        (await rest.GetIssueAsync("DEMO-1", CancellationToken.None))!.Status.Name.ShouldBe("In Progress");

        // jira.transport routes through MCP too (seen by a server set up, through mcp.env, without jira_search);
        // --transport wins over it.
        config["jira"]!["transport"] = "mcp";
        config["mcp"]!["env"] = new JsonObject { ["SANDBOX_MCP_FAULTS"] = "hide=jira_search" };
        await File.WriteAllTextAsync(configPath, config.ToJsonString());
        var viaConfig = await cli.RunAsync("status");
        viaConfig.ExitCode.ShouldBe(3, viaConfig.Stderr + viaConfig.Stdout);
        viaConfig.Stderr.ShouldContain("does not offer jira_search");
        (await cli.RunAsync("status", "--transport", "rest")).Stdout.ShouldContain("in sync");
        var wrong = await cli.RunAsync("status", "--transport", "carrier-pigeon");
        wrong.ExitCode.ShouldBe(3);
        wrong.Stderr.ShouldContain("'carrier-pigeon' not recognized");
    }
}
