using BacklogJira.Core.Ports;
using BacklogJira.Jira.Configuration;
using BacklogJira.Jira.Mcp;
using BacklogJira.Jira.Rest;
using BacklogJira.Sync.State;

namespace BacklogJira.Cli;

/// <summary>The Jira client for a run: REST unless <c>--transport</c> or <c>jira.transport</c> says mcp; the MCP server
/// comes from config <c>mcp</c>, else uvx or Docker with the pinned mcp-atlassian.</summary>
internal static class JiraClientFactory
{
    public static JiraTransportKind Transport(CliContext context, SyncConfig? config) =>
        context.Transport is { } option ? SyncConfig.ParseTransport(option, "--transport") : config?.Transport ?? JiraTransportKind.Rest;

    /// <summary>Settings for a diagnosis or a setup step, which should answer in seconds: one retry, not the sync's six
    /// with backoff.</summary>
    public static JiraConnectionSettings Quick(JiraConnectionSettings settings) =>
        settings with { MaxRetries = 1, BackoffBase = TimeSpan.FromMilliseconds(500), RequestTimeout = TimeSpan.FromSeconds(15) };

    public static IJiraClient Create(CliContext context, SyncConfig? config, JiraConnectionSettings settings)
    {
        context.Secrets.Add(settings.ApiToken);
        context.Secrets.Add(settings.PersonalToken);
        if (Transport(context, config) == JiraTransportKind.Rest)
            return new JiraRestClient(settings with { CustomFields = config?.CustomJiraFields ?? [], RemoteLinks = config?.ReadsRemoteLinks ?? false, Comments = config?.ReadsComments ?? false, IssueLinks = config?.ReadsIssueLinks ?? false,
                Sprints = config?.ReadsSprints ?? false, SprintBoardId = config?.SprintBoardId }, logger: context.Logger);
        return new McpJiraClient(settings, new McpJiraOptions
        {
            Launch = Launch(context, config),
            TransitionTargets = config?.TransitionTargets ?? new Dictionary<string, string>(),
            Resolution = config?.TransitionFields.GetValueOrDefault("resolution") ?? "Done",
            EchoFolder = config?.StateRoot is { } root ? Path.Combine(root, "mcp-echoes") : null,
        }, context.Environment, logger: context.Logger);
    }

    /// <summary>The MCP server to start: config <c>mcp</c>, else uvx or Docker with the pinned mcp-atlassian.</summary>
    public static McpServerLaunch Launch(CliContext context, SyncConfig? config)
    {
        var mcp = config?.Mcp ?? new McpServerConfig(null, [], new Dictionary<string, string>());
        return mcp.Command is { } command
            ? new McpServerLaunch { Command = command, Arguments = mcp.Args, Environment = mcp.Env }
            : McpServerLaunch.Default(program => McpServerLaunch.FindOnPath(program, context.Environment)) with { Environment = mcp.Env };
    }
}
