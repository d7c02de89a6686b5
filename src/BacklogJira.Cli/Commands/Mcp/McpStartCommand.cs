using System.CommandLine;
using BacklogJira.BacklogMd;
using BacklogJira.BacklogMd.Discovery;
using BacklogJira.Jira.Configuration;
using BacklogJira.Sync.State;

namespace BacklogJira.Cli.Commands.Mcp;

/// <summary><c>mcp start</c>: the MCP Atlassian server for an MCP client (Claude Desktop, Cursor…), with the
/// credentials it needs and nothing else of ours, its stdio relayed untouched; our own lines go to stderr only.</summary>
internal static class McpStartCommand
{
    public static Command Create(CliContext context)
    {
        var dnsServers = new Option<string[]>("--dns-servers") { Description = "DNS servers for the Docker container (one --dns each)", AllowMultipleArgumentsPerToken = true };
        var dnsSearch = new Option<string[]>("--dns-search-domains") { Description = "DNS search domains for the Docker container (one --dns-search each)", AllowMultipleArgumentsPerToken = true };
        var start = new Command("start",
            "Start the MCP Atlassian server (config mcp; else uvx or Docker, pinned) with the Jira credentials and relay its stdio untouched\n\n" +
            "Example: backlog-jira mcp start --dns-servers 10.0.0.2 --dns-search-domains corp.example\n" +
            "(an MCP client's config: {\"command\": \"backlog-jira\", \"args\": [\"mcp\", \"start\"]})") { dnsServers, dnsSearch };
        start.SetAction((parse, token) => RunAsync(context, parse.GetValue(dnsServers) ?? [], parse.GetValue(dnsSearch) ?? [], parse.GetValue(CliApp.VerboseOption), token));
        return new Command("mcp", "MCP: backlog-jira's own tools for coding agents (serve), and the MCP Atlassian server behind the mcp transport (start)") { start, Serve.McpServeCommand.Create(context) };
    }

    private static async Task<int> RunAsync(CliContext context, string[] dnsServers, string[] dnsSearch, bool verbose, CancellationToken cancellationToken)
    {
        var config = TryLoadConfig(context.WorkingDirectory, out var root);
        var settings = JiraSettingsLoader.Load(root, context.Environment);
        var launch = JiraClientFactory.Launch(context, config);
        if ((dnsServers.Length > 0 || dnsSearch.Length > 0) && !McpLaunchPlan.IsDocker(launch))
            await context.Error.WriteLineAsync("backlog-jira: --dns-servers and --dns-search-domains apply to Docker only; use the system resolver's settings for other commands.");
        launch = McpLaunchPlan.WithDns(launch, dnsServers, dnsSearch);
        if (verbose) await context.Error.WriteLineAsync($"backlog-jira: starting {launch.Describe()}");
        var proxy = new McpProxy(launch, launch.ChildEnvironment(settings, context.Environment), context.Error);
        return await proxy.RunAsync(Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.OpenStandardError(), cancellationToken);
    }

    private static SyncConfig? TryLoadConfig(string workingDirectory, out string? root)
    {
        root = null;
        try
        {
            root = BacklogMdTaskStore.Open(workingDirectory).Project.RootPath;
        }
        catch (BacklogMdProjectNotFoundException)
        {
            return null;
        }
        var paths = new StatePaths(root);
        return File.Exists(paths.Config) ? SyncConfig.Load(paths) : null;
    }
}
