using BacklogJira.Testing;

namespace BacklogMcp.Tests;

/// <summary>backlog-mcp driven by the official MCP TypeScript SDK client (tools/mcp-ts-client/e2e.mjs, pinned
/// @modelcontextprotocol/sdk): another implementation's client, which also validates structuredContent against each
/// tool's output schema. The SDK is installed by .ci/run, or here on first use.</summary>
public sealed class TypeScriptSdkEndToEndTests
{
    [Fact]
    public async Task The_typescript_sdk_client_lists_and_calls_every_tool()
    {
        var folder = NodeTools.Folder("mcp-ts-client");
        await NodeTools.EnsureInstalledAsync(folder, Path.Combine("@modelcontextprotocol", "sdk"));
        var (code, output) = await NodeTools.RunAsync(folder, "node", ["e2e.mjs", BacklogMcpProcess.Launch.Command, .. BacklogMcpProcess.Launch.Arguments], new Dictionary<string, string>());
        code.ShouldBe(0, output);
        output.ShouldContain("all checks passed");
    }
}
