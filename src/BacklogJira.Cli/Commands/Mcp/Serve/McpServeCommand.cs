using System.CommandLine;
using System.Reflection;
using BacklogJira.Operations;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace BacklogJira.Cli.Commands.Mcp.Serve;

/// <summary><c>mcp serve [--allow-writes]</c>: backlog-jira's own operations as MCP tools over stdio, for coding agents
/// (docs/agents.md). Reads by default; <c>--allow-writes</c> (or BACKLOG_JIRA_MCP_WRITES=true) adds the tools that write
/// to Jira and to task files. stdout carries JSON-RPC only.</summary>
internal static class McpServeCommand
{
    public const string WritesVariable = "BACKLOG_JIRA_MCP_WRITES";

    public static Command Create(CliContext context)
    {
        var allowWrites = new Option<bool>("--allow-writes") { Description = $"Offer the tools that push, pull, create, link and import (also {WritesVariable}=true)" };
        var command = new Command("serve",
            "Serve backlog-jira's operations (status, plan and apply, push, pull, create-issue, link, import) as MCP tools over stdio\n\n" +
            "Example: backlog-jira mcp serve --allow-writes\n" +
            "(an MCP client's config: {\"command\": \"backlog-jira\", \"args\": [\"mcp\", \"serve\"]})") { allowWrites };
        command.SetAction((parse, token) => RunAsync(context, parse.GetValue(allowWrites) || WritesFromEnvironment(context), token));
        return command;
    }

    private static bool WritesFromEnvironment(CliContext context) =>
        context.Environment[WritesVariable]?.ToString()?.Trim().ToLowerInvariant() is "1" or "true" or "yes" or "on";

    private static async Task<int> RunAsync(CliContext context, bool writes, CancellationToken cancellationToken)
    {
        using var session = SyncSession.Open(context);
        var tools = AgentTools.Create(new PairOperations(session.Workspace, writes), new IssueOperations(session.Workspace, writes));
        using var server = new AgentServer(tools, writes, context.Secrets);
        var version = typeof(McpServeCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
        var options = new McpServerOptions
        {
            ServerInfo = new Implementation { Name = "backlog-jira", Title = "Backlog.md ⇄ Jira", Version = version },
            Capabilities = new ServerCapabilities { Tools = new ToolsCapability() },
            ServerInstructions = "Keeps this repository's Backlog.md tasks and their Jira issues in sync. Start with jira_sync_status; "
                + "to write, make a plan with jira_sync_plan, show it, then jira_sync_apply it (refused if anything changed since).",
            Handlers = new McpServerHandlers
            {
                ListToolsHandler = (_, _) => ValueTask.FromResult(server.ListTools()),
                CallToolHandler = (request, token) => server.CallToolAsync(request.Params, token),
            },
        };
        await context.Error.WriteLineAsync($"backlog-jira mcp serve {version} (stdio) in {session.Store.Project.RootPath}: {server.ListTools().Tools.Count} tools, writes {(writes ? "allowed" : "off")}");
        await using var mcp = McpServer.Create(new StdioServerTransport("backlog-jira"), options);
        await mcp.RunAsync(cancellationToken);
        return ExitCodes.Success;
    }
}
