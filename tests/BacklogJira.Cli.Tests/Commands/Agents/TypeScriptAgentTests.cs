using System.Collections;
using BacklogJira.Testing;

namespace BacklogJira.Cli.Tests.Commands.Agents;

/// <summary>Issue 19: <c>backlog-jira mcp serve</c> driven by the official MCP TypeScript SDK client
/// (tools/mcp-ts-client/agents-e2e.mjs), which also validates each structuredContent against its output schema.</summary>
public class TypeScriptAgentTests
{
    [Fact]
    public async Task The_typescript_sdk_client_walks_status_plan_and_apply()
    {
        await using var cli = await CliRun.StartAsync();
        (await cli.RunAsync("init", "--project-key", "DEMO")).ExitCode.ShouldBe(0);
        (await cli.BacklogAsync("task", "create", "Agent task")).EnsureSuccess("create");
        (await cli.RunAsync("create-issue", "TASK-1")).ExitCode.ShouldBe(0);
        (await cli.BacklogAsync("task", "edit", "TASK-1", "-t", "Renamed by the agent's user")).EnsureSuccess("edit");

        var folder = NodeTools.Folder("mcp-ts-client");
        await NodeTools.EnsureInstalledAsync(folder, Path.Combine("@modelcontextprotocol", "sdk"));
        var environment = new Dictionary<string, string>();
        foreach (DictionaryEntry entry in cli.Environment) environment[(string)entry.Key] = entry.Value?.ToString() ?? "";
        var (code, output) = await NodeTools.RunAsync(folder, "node", ["agents-e2e.mjs", cli.Root, CliProcess.Executable, .. CliProcess.Prefix], environment);
        code.ShouldBe(0, output);
        output.ShouldContain("all checks passed");
        cli.Jira.Sandbox.State.Read(d => d.Issues.Single().Summary).ShouldBe("Renamed by the agent's user");
    }
}
