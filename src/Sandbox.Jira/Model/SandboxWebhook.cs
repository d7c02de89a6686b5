namespace Sandbox.Jira.Model;

/// <summary>An admin webhook (docs/jira-sandbox.md, "Webhooks"): where to post, which events (none listed: all), which
/// issues (the JQL of <c>filters["issue-related-events-section"]</c>), and the secret that signs each delivery.</summary>
public sealed class SandboxWebhook
{
    public required long Id { get; init; }
    public required string Name { get; set; }
    public required string Url { get; set; }
    public List<string> Events { get; set; } = [];
    public string? Jql { get; set; }
    public string? Secret { get; set; }
    public bool Enabled { get; set; } = true;
    public bool ExcludeBody { get; set; }
    public DateTimeOffset Created { get; init; }
}
