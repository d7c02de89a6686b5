using BacklogJira.Jira.Configuration;
using BacklogJira.Jira.Rest;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Sandbox.Jira;
using Sandbox.Jira.Mcp;

// sandbox-jira-mcp: stands in for `uvx mcp-atlassian` in tests, benchmarks and demos. Like mcp-atlassian it reads
// JIRA_URL and the credentials from its environment and speaks MCP on stdio; with --in-process it starts its own Jira
// sandbox instead (--mode cloud|datacenter). Diagnostics go to stderr only: stdout is the JSON-RPC stream.
var faults = ToolFaults.Parse(Environment.GetEnvironmentVariable("SANDBOX_MCP_FAULTS"));
if (faults.FailStart)
{
    Console.Error.WriteLine("Error: Cloud authentication requires JIRA_USERNAME and JIRA_API_TOKEN, or OAuth configuration (set ATLASSIAN_OAUTH_ENABLE=true for user-provided tokens)");
    return 1;
}

JiraSandbox? ownSandbox = null;
JiraConnectionSettings settings;
if (args.Contains("--in-process"))
{
    var mode = args.SkipWhile(a => a != "--mode").Skip(1).FirstOrDefault() == "datacenter" ? SandboxMode.DataCenter : SandboxMode.Cloud;
    ownSandbox = await JiraSandbox.StartAsync(new SandboxOptions { Mode = mode });
    settings = new JiraConnectionSettings
    {
        BaseUrl = ownSandbox.BaseUrl,
        User = mode == SandboxMode.Cloud ? ownSandbox.Options.User : null,
        ApiToken = mode == SandboxMode.Cloud ? ownSandbox.Options.Token : null,
        PersonalToken = mode == SandboxMode.DataCenter ? ownSandbox.Options.Token : null,
    };
    Console.Error.WriteLine($"sandbox-jira-mcp: Jira sandbox ({mode}) at {ownSandbox.BaseUrl}");
}
else
{
    var url = Environment.GetEnvironmentVariable("JIRA_URL");
    if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var baseUrl))
    {
        Console.Error.WriteLine("Error: JIRA_URL is not set (or not a URL). Set JIRA_URL, or pass --in-process to start a Jira sandbox.");
        return 1;
    }
    settings = new JiraConnectionSettings
    {
        BaseUrl = baseUrl,
        User = Environment.GetEnvironmentVariable("JIRA_USERNAME"),
        ApiToken = Environment.GetEnvironmentVariable("JIRA_API_TOKEN"),
        PersonalToken = Environment.GetEnvironmentVariable("JIRA_PERSONAL_TOKEN") is { Length: > 0 } pat ? pat : null,
        RequestTimeout = TimeSpan.FromSeconds(75),
    };
}

using var jira = new JiraRestClient(settings);
// The real server decides Cloud or Data Center from the host name alone; the sandbox listens on 127.0.0.1, so this
// stand-in asks the Jira it talks to instead (documented in docs/mcp-transport.md).
var deployment = (await jira.GetServerInfoAsync(CancellationToken.None)).Deployment;
var tools = new SoopersetTools(jira, settings.BaseUrl, deployment, faults);
var options = new McpServerOptions
{
    ServerInfo = new Implementation { Name = "sandbox-jira-mcp (mcp-atlassian " + BacklogJira.Jira.Mcp.McpServerLaunch.PinnedVersion + " surface)", Version = "1.0.0" },
    Capabilities = new ServerCapabilities { Tools = new ToolsCapability() },
    Handlers = new McpServerHandlers
    {
        ListToolsHandler = (_, _) => ValueTask.FromResult(new ListToolsResult { Tools = [.. ToolCatalog.All.Where(t => !faults.Hidden.Contains(t.Name))] }),
        CallToolHandler = async (request, cancellationToken) =>
            await tools.CallAsync(request.Params?.Name ?? "", new ToolArguments(request.Params?.Arguments), cancellationToken),
    },
};

await using var server = McpServer.Create(new StdioServerTransport("sandbox-jira-mcp"), options);
await server.RunAsync();
if (ownSandbox is not null) await ownSandbox.DisposeAsync();
return 0;
