using System.Diagnostics;

namespace BacklogMcp.Tests;

/// <summary>backlog-mcp driven by the official MCP TypeScript SDK client (tools/mcp-ts-client/e2e.mjs, pinned
/// @modelcontextprotocol/sdk): another implementation's client, which also validates structuredContent against each
/// tool's output schema. The SDK is installed by .ci/run, or here on first use.</summary>
public sealed class TypeScriptSdkEndToEndTests
{
    [Fact]
    public async Task The_typescript_sdk_client_lists_and_calls_every_tool()
    {
        var folder = ClientFolder();
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@modelcontextprotocol", "sdk")))
            (await RunAsync("npm", ["install", "--no-audit", "--no-fund", "--no-save", "--loglevel=error"], folder)).Code.ShouldBe(0, "npm install in tools/mcp-ts-client");
        var (code, output) = await RunAsync("node", ["e2e.mjs", BacklogMcpProcess.Launch.Command, .. BacklogMcpProcess.Launch.Arguments], folder);
        code.ShouldBe(0, output);
        output.ShouldContain("all checks passed");
    }

    private static string ClientFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tools", "mcp-ts-client");
            if (File.Exists(Path.Combine(candidate, "e2e.mjs"))) return candidate;
        }
        throw new InvalidOperationException("tools/mcp-ts-client not found above the test binaries.");
    }

    private static async Task<(int Code, string Output)> RunAsync(string command, string[] arguments, string directory)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
