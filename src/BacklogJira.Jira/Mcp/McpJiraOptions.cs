namespace BacklogJira.Jira.Mcp;

/// <summary>What the MCP transport needs beyond the Jira connection: the server to start and the workflow hints
/// (config <c>jira.transitionTargets</c>) that stand in for the transition targets the server does not report.</summary>
public sealed record McpJiraOptions
{
    public required McpServerLaunch Launch { get; init; }

    public IReadOnlyDictionary<string, string> TransitionTargets { get; init; } = new Dictionary<string, string>();

    /// <summary>The resolution to give when Jira asks for one on a transition (config <c>jira.transitionFields.resolution</c>).</summary>
    public string Resolution { get; init; } = "Done";

    /// <summary>The folder where the echoes of written descriptions are kept between runs (<see cref="McpDescriptionEchoes"/>);
    /// in memory only when null.</summary>
    public string? EchoFolder { get; init; }
}
