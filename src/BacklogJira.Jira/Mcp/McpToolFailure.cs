using System.Globalization;
using System.Text.RegularExpressions;
using BacklogJira.Jira.Errors;
using ModelContextProtocol;

namespace BacklogJira.Jira.Mcp;

/// <summary>
/// Turns mcp-atlassian's tool errors (<c>isError: true</c>, docs/reference/jira.md §1.2 style 1) into the same typed errors the
/// REST client raises. The kind is read from the message shapes the server documents (its HTTP-status phrases and
/// Jira's own error texts), never from the mere presence of a word like "error" in an answer.
/// </summary>
internal static partial class McpToolFailure
{
    public static JiraException FromToolError(string tool, string text)
    {
        var detail = ToolPrefix().Replace(text.Trim(), "");
        var message = $"{tool}: {detail}";
        if (detail.StartsWith("Unknown tool", StringComparison.Ordinal))
            return new JiraConfigurationException($"{message} The MCP server does not offer it; with mcp-atlassian check TOOLSETS, ENABLED_TOOLS and READ_ONLY_MODE.");
        if (RateLimited().IsMatch(detail)) return new JiraRateLimitedException($"{message} Jira is rate limiting; wait a minute and run again.");
        if (Unauthorized().IsMatch(detail))
            return new JiraAuthenticationException($"{message} Check JIRA_EMAIL/JIRA_API_TOKEN (Cloud) or JIRA_PERSONAL_TOKEN (Data Center) given to the MCP server.");
        if (IssueNotFound().IsMatch(detail)) return new JiraNotFoundException(message);
        var lines = detail.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Any(l => MissingKey().IsMatch(l)) || BadRequest().IsMatch(detail))
            return new JiraRequestRejectedException(message, lines, new Dictionary<string, string>());
        return new JiraException(message);
    }

    /// <summary>A JSON-RPC error (the server refused the call itself, e.g. unknown tool or invalid arguments).</summary>
    public static JiraException FromProtocol(string tool, McpProtocolException error) => error.ErrorCode switch
    {
        McpErrorCode.MethodNotFound => new JiraConfigurationException($"{tool}: the MCP server does not know this tool ({error.Message})."),
        McpErrorCode.InvalidParams => new JiraException($"{tool}: the MCP server refused the arguments ({error.Message}). Is the server a different mcp-atlassian version than {McpServerLaunch.PinnedVersion}?"),
        _ => new JiraException($"{tool}: the MCP server failed ({error.Message})."),
    };

    /// <summary>The wait mcp-atlassian quotes from Jira's Retry-After, if any.</summary>
    public static TimeSpan? RetryAfter(string text) =>
        RetryAfterSeconds().Match(text) is { Success: true } match && int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(Math.Min(seconds, 60))
            : null;

    public static bool IsMissingKeyMessage(string line) => MissingKey().IsMatch(line);

    [GeneratedRegex(@"^Error calling tool '[^']*':\s*")]
    private static partial Regex ToolPrefix();

    [GeneratedRegex(@"rate limit hit \(429\)|\(429\)|Too Many Requests", RegexOptions.IgnoreCase)]
    private static partial Regex RateLimited();

    [GeneratedRegex(@"Authentication failed|Unauthorized \(401\)|\(401\)|\(403\)")]
    private static partial Regex Unauthorized();

    [GeneratedRegex(@"^Issue \S+ not found\.")]
    private static partial Regex IssueNotFound();

    [GeneratedRegex(@"An issue with key '[^']+' does not exist|The issue key '[^']+' for field")]
    private static partial Regex MissingKey();

    [GeneratedRegex(@"\(400\)|Error in the JQL Query|cannot be set|is required|You must specify")]
    private static partial Regex BadRequest();

    [GeneratedRegex(@"Retry-After:\s*(\d+)")]
    private static partial Regex RetryAfterSeconds();
}
