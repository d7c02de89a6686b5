using BacklogJira.Testing;
using Sandbox.Nulab;

namespace BacklogMcp.Tests;

/// <summary>Issue 21: the Nulab sandbox checked by Nulab's own code, pinned in tools/contract-clients, both of which
/// speak https only: its client backlog-js runs what backlog-mcp's tools and an agent need, and its MCP server
/// (backlog-mcp-server, driven by the official TypeScript SDK) answers its read tools; a throw or an unexpected answer
/// fails the build with the step named.</summary>
public sealed class ThirdPartyClientTests
{
    [Fact]
    public async Task Backlog_js_reads_and_writes_the_sandbox_over_https()
    {
        await using var sandbox = await NulabSandbox.StartAsync(new NulabSandboxOptions { HttpsPort = 0 });
        var folder = NodeTools.Folder("contract-clients");
        await NodeTools.EnsureInstalledAsync(folder, "backlog-js");
        var (code, output) = await NodeTools.RunAsync(folder, "node", ["backlog.mjs"], new Dictionary<string, string>
        {
            ["BACKLOG_HOST"] = sandbox.HttpsUrl!.Authority,
            ["BACKLOG_API_KEY"] = sandbox.ApiKey,
            // The listener's certificate is self-signed and made for this run; nothing else is reached from this process.
            ["NODE_TLS_REJECT_UNAUTHORIZED"] = "0",
        });
        code.ShouldBe(0, output);
        output.ShouldContain("\"ok\":true");
    }

    [Fact]
    public async Task Nulab_s_own_mcp_server_reads_the_sandbox_over_https_without_an_error()
    {
        await using var sandbox = await NulabSandbox.StartAsync(new NulabSandboxOptions { HttpsPort = 0 });
        var folder = NodeTools.Folder("contract-clients");
        await NodeTools.EnsureInstalledAsync(folder, "backlog-mcp-server");
        var (code, output) = await NodeTools.RunAsync(folder, "node", ["nulab-mcp.mjs"], new Dictionary<string, string>
        {
            ["BACKLOG_DOMAIN"] = sandbox.HttpsUrl!.Authority,
            ["BACKLOG_API_KEY"] = sandbox.ApiKey,
            ["NODE_TLS_REJECT_UNAUTHORIZED"] = "0",
        });
        code.ShouldBe(0, output);
        output.ShouldContain("\"ok\":true");
    }
}
