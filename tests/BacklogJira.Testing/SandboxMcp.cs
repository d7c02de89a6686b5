using BacklogJira.Core.Ports;
using BacklogJira.Jira.Configuration;
using BacklogJira.Jira.Mcp;

namespace BacklogJira.Testing;

/// <summary>Starts <c>sandbox-jira-mcp</c> (the mcp-atlassian stand-in) as a real child process over stdio, pointed
/// at a Jira sandbox, and MCP clients that use it.</summary>
public static class SandboxMcp
{
    /// <summary>The sandbox's default workflow names transitions after actions ("Start Progress"), not target
    /// statuses; through MCP the targets must be given, as a user of such a workflow would in config.</summary>
    public static readonly IReadOnlyDictionary<string, string> DefaultWorkflowTargets = new Dictionary<string, string>
    {
        ["Start Progress"] = "In Progress",
        ["Stop Progress"] = "To Do",
        ["Request Review"] = "In Review",
        ["Back to Progress"] = "In Progress",
        ["Approve"] = "Done",
        ["Reopen"] = "To Do",
    };

    public static string ServerDll => Path.Combine(AppContext.BaseDirectory, "Sandbox.Jira.Mcp.dll");

    public static McpServerLaunch Launch(string? faults = null) => new()
    {
        Command = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet",
        Arguments = [ServerDll],
        Environment = faults is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["SANDBOX_MCP_FAULTS"] = faults },
    };

    public static McpJiraClient Client(SandboxJira jira, string? faults = null, Func<JiraConnectionSettings, JiraConnectionSettings>? adjust = null) =>
        new(jira.Settings(s => (adjust ?? (x => x))(s with { Deployment = jira.Deployment })),
            new McpJiraOptions { Launch = Launch(faults), TransitionTargets = DefaultWorkflowTargets });
}

/// <summary>How a test reaches Jira: directly over REST, or through the MCP stand-in.</summary>
public enum JiraTransport
{
    Rest,
    Mcp,
}

public static class JiraTransportExtensions
{
    /// <summary>A client of <paramref name="jira"/> over <paramref name="transport"/>; <paramref name="customFields"/> are the
    /// fields of config customFields, <paramref name="remoteLinks"/> and <paramref name="comments"/> say whether web links and comments are synced, all read with
    /// every issue (as the CLI's client does).</summary>
    public static IJiraClient ClientFor(this SandboxJira jira, JiraTransport transport, IReadOnlyList<string>? customFields = null, bool remoteLinks = false, bool comments = false, bool issueLinks = false,
        bool sprints = false, long? sprintBoardId = null) =>
        transport == JiraTransport.Rest
            ? jira.Client(s => s with { CustomFields = customFields ?? [], RemoteLinks = remoteLinks, Comments = comments, IssueLinks = issueLinks, Sprints = sprints, SprintBoardId = sprintBoardId })
            : jira.Track(SandboxMcp.Client(jira));
}

/// <summary>What a person does in Jira to a checklist the sync wrote. Over MCP the sync writes ballot boxes (mcp-atlassian
/// drops <c>[x]</c> when it reads, docs/mcp-transport.md), so there the person ticks ☐ into ☑; over REST they check the
/// task item.</summary>
public static class JiraPerson
{
    public static string Checklist(string markdown, JiraTransport transport) => transport == JiraTransport.Rest ? markdown
        : markdown.Replace("- [x] ", "- ☑ ", StringComparison.Ordinal).Replace("- [ ] ", "- ☐ ", StringComparison.Ordinal);
}
