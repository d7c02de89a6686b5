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
JiraCalls jira;
if (args.Contains("--in-process"))
{
    var mode = args.SkipWhile(a => a != "--mode").Skip(1).FirstOrDefault() == "datacenter" ? SandboxMode.DataCenter : SandboxMode.Cloud;
    ownSandbox = await JiraSandbox.StartAsync(new SandboxOptions { Mode = mode });
    jira = mode == SandboxMode.Cloud
        ? new JiraCalls(ownSandbox.BaseUrl, ownSandbox.Options.User, ownSandbox.Options.Token, null)
        : new JiraCalls(ownSandbox.BaseUrl, null, null, ownSandbox.Options.Token);
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
    jira = new JiraCalls(baseUrl, Environment.GetEnvironmentVariable("JIRA_USERNAME"), Environment.GetEnvironmentVariable("JIRA_API_TOKEN"),
        Environment.GetEnvironmentVariable("JIRA_PERSONAL_TOKEN") is { Length: > 0 } pat ? pat : null);
}

// The real server decides Cloud or Data Center from the host name alone; the sandbox listens on 127.0.0.1, so this
// stand-in asks the Jira it talks to instead (documented in docs/mcp-transport.md).
var serverInfo = await jira.GetAsync("rest/api/2/serverInfo", CancellationToken.None);
var deployment = serverInfo?["deploymentType"]?.ToString() == "Cloud" ? Deployment.Cloud : Deployment.DataCenter;
var tools = new SoopersetTools(jira, deployment, faults);
var options = new McpServerOptions
{
    ServerInfo = new Implementation { Name = "sandbox-jira-mcp (mcp-atlassian " + ToolCatalog.PinnedVersion + " surface)", Version = "1.0.0" },
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
jira.Dispose();
if (ownSandbox is not null) await ownSandbox.DisposeAsync();
return 0;
