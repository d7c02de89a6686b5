using System.Reflection;
using BacklogMcp;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Configuration;
using BacklogMcp.Core.Files;
using BacklogMcp.Core.Formatting;
using BacklogMcp.Core.Tools;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

// backlog-mcp: stdout carries JSON-RPC only; every human-readable line goes to stderr.
var version = typeof(McpBridge).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0.0";
switch (args.FirstOrDefault())
{
    case "sandbox":
        return await SandboxCommand.RunAsync(args);
    case "--version":
        Console.WriteLine(version);
        return 0;
    case "--help" or "-h" or "help":
        Console.WriteLine($"""
            backlog-mcp {version}: an MCP server (stdio) for Nulab Backlog.

            Usage:
              backlog-mcp                 serve MCP on stdin/stdout (what an MCP client runs)
              backlog-mcp sandbox [--port N] [--https-port N]
                                          start a local Backlog look-alike and print the settings for it
              backlog-mcp --version

            Settings (environment, or a .env file in the working directory; the environment wins):
              BACKLOG_BASE_URL       your space, e.g. https://yourspace.backlog.com   (required)
              BACKLOG_API_KEY        Backlog: Personal Settings → API                  (required)
              ATTACHMENT_WORKSPACE   where downloads and exports may write (default: ./.backlog-mcp)
              BACKLOG_ENABLE_WRITES  true adds backlog_add_issue, backlog_update_issue, backlog_add_comment (default: false)
              BACKLOG_TIMEOUT_SECONDS  how long one request to Backlog may take (default: 30)
              BACKLOG_MAX_TOKENS     the most one answer may cost; longer lists are cut, with the next page named (default: 50000)
              BACKLOG_TOOLSETS       tool groups to offer: space, project, issue or all (default: all; Nulab's ENABLE_TOOLSETS works too)
            """);
        return 0;
    case { } other:
        await Console.Error.WriteLineAsync($"backlog-mcp: unknown argument '{other}'. Run backlog-mcp --help.");
        return 2;
}

BacklogMcpSettings settings;
try
{
    settings = SettingsLoader.Load(Environment.CurrentDirectory, Environment.GetEnvironmentVariables());
}
catch (BacklogMcpConfigurationException error)
{
    await Console.Error.WriteLineAsync("[CONFIG_ERROR] " + error.Message);
    return 1;
}

using var api = new NulabApiClient(settings, new RetryPolicy { RequestTimeout = settings.RequestTimeout, DownloadTimeout = settings.RequestTimeout * 10 });
var toolsets = new ToolsetSwitch(settings.WritesEnabled, settings.Toolsets, settings.DynamicToolsets);
var tools = toolsets.CurrentTools();
var bridge = new McpBridge(tools, new ToolContext(api, new DownloadRoot(settings.DownloadRoot), TimeProvider.System) { Budget = new TokenBudget(settings.MaxTokens) }, settings.ApiKey);
McpServer? running = null;
// A toolset turned on: the new list, then the client is told (notifications/tools/list_changed).
toolsets.Changed += () =>
{
    bridge.Replace(toolsets.CurrentTools());
    _ = running?.SendNotificationAsync(NotificationMethods.ToolListChangedNotification);
};
var options = new McpServerOptions
{
    ServerInfo = new Implementation { Name = "backlog-mcp", Title = "Nulab Backlog", Version = version },
    Capabilities = new ServerCapabilities { Tools = new ToolsCapability { ListChanged = settings.DynamicToolsets }, Prompts = new PromptsCapability() },
    ServerInstructions = "Tools for Nulab Backlog: list and read issues, comments and attachments, export an issue's whole context to local files. "
        + "Start with backlog_get_projects or backlog_get_issue_list; every result ends with suggested next calls.",
    Handlers = new McpServerHandlers
    {
        ListToolsHandler = (_, _) => ValueTask.FromResult(bridge.ListTools()),
        CallToolHandler = (request, cancellationToken) => bridge.CallToolAsync(request.Params, cancellationToken),
        ListPromptsHandler = (_, _) => ValueTask.FromResult(McpBridge.ListPrompts()),
        GetPromptHandler = (request, _) => ValueTask.FromResult(McpBridge.GetPrompt(request.Params)),
    },
};
await Console.Error.WriteLineAsync($"backlog-mcp {version} started (stdio): {settings}, {tools.Count} tools");
await using var server = McpServer.Create(new StdioServerTransport("backlog-mcp"), options);
running = server;
await server.RunAsync();
return 0;
