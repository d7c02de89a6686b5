using BacklogJira.Testing;

namespace Sandbox.Jira.Tests.Contract;

/// <summary>Issue 21: the Jira sandbox checked by code nobody here wrote. jira.js (Cloud, REST v3) and jira-client
/// (Data Center, REST v2 with a personal access token), pinned in tools/contract-clients, each run what a sync tool
/// or an agent needs against a fresh sandbox; a throw or an unexpected answer fails the build with the step named.</summary>
public class ThirdPartyClientTests
{
    private static async Task<string> RunAsync(string script, JiraSandbox sandbox, IReadOnlyDictionary<string, string> environment)
    {
        var folder = NodeTools.Folder("contract-clients");
        await NodeTools.EnsureInstalledAsync(folder, "jira.js");
        var (code, output) = await NodeTools.RunAsync(folder, "node", [script],
            new Dictionary<string, string>(environment) { ["JIRA_URL"] = sandbox.BaseUrl.GetLeftPart(UriPartial.Authority) });
        code.ShouldBe(0, output);
        return output;
    }

    [Fact]
    public async Task Jira_js_does_what_a_sync_tool_needs_on_the_cloud_sandbox()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new SandboxOptions());
        sandbox.SeedIssues(3);
        var output = await RunAsync("jira-cloud.mjs", sandbox, new Dictionary<string, string> { ["JIRA_EMAIL"] = sandbox.Options.User, ["JIRA_API_TOKEN"] = sandbox.Options.Token });
        output.ShouldContain("\"ok\":true");
    }

    [Fact]
    public async Task Jira_client_does_what_a_sync_tool_needs_on_the_data_center_sandbox()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new SandboxOptions { Mode = SandboxMode.DataCenter, User = "demo" });
        sandbox.SeedIssues(3);
        var output = await RunAsync("jira-dc.mjs", sandbox, new Dictionary<string, string> { ["JIRA_PERSONAL_TOKEN"] = sandbox.Options.Token });
        output.ShouldContain("\"ok\":true");
    }
}
