using System.Text.Json.Nodes;

namespace BacklogJira.Jira.Rest;

/// <summary>A Jira admin webhook as <c>/rest/webhooks/1.0/webhook</c> lists it (docs/serve.md, "Registering").</summary>
public sealed record JiraWebhook(string Id, string Name, string Url, IReadOnlyList<string> Events, string? Jql, bool Enabled);

/// <summary>
/// Jira's admin webhook API, <c>/rest/webhooks/1.0/webhook</c>, on Cloud and Data Center alike; it needs a Jira
/// administrator (others get 401/403, which the caller turns into the steps for Jira's admin screen). REST only: the
/// MCP Atlassian server has no webhook tools.
/// </summary>
public sealed class JiraWebhookAdmin(JiraRestClient client)
{
    private const string Base = "/rest/webhooks/1.0/webhook";
    private const string ScopeFilter = "issue-related-events-section";

    public async Task<IReadOnlyList<JiraWebhook>> ListAsync(CancellationToken cancellationToken)
    {
        var answer = await client.Http.SendAsync(HttpMethod.Get, Base, null, idempotent: true, cancellationToken);
        return answer is JsonArray hooks ? [.. hooks.OfType<JsonObject>().Select(Read)] : [];
    }

    /// <summary>Registers one webhook. <paramref name="secret"/> is sent for Jira to sign deliveries with (Cloud); it is
    /// null for Data Center, whose webhooks are unsigned and carry the secret in their URL instead.</summary>
    public async Task<JiraWebhook> RegisterAsync(string name, string url, IReadOnlyList<string> events, string? jql, string? secret, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["name"] = name,
            ["url"] = url,
            ["events"] = new JsonArray([.. events.Select(e => (JsonNode)e)]),
            ["filters"] = new JsonObject { [ScopeFilter] = jql ?? "" },
            ["excludeBody"] = false,
        };
        if (secret is not null) body["secret"] = secret;
        var answer = await client.Http.SendAsync(HttpMethod.Post, Base, body, idempotent: false, cancellationToken);
        return answer is JsonObject created ? Read(created) : new JiraWebhook("", name, url, events, jql, true);
    }

    public Task RemoveAsync(string id, CancellationToken cancellationToken) =>
        client.Http.SendAsync(HttpMethod.Delete, $"{Base}/{Uri.EscapeDataString(id)}", null, idempotent: true, cancellationToken, notFoundIsNull: true);

    private static JiraWebhook Read(JsonObject hook)
    {
        var self = hook["self"]?.ToString() ?? "";
        var id = hook["id"]?.ToString() ?? self[(self.LastIndexOf('/') + 1)..];
        return new JiraWebhook(id, hook["name"]?.ToString() ?? "", hook["url"]?.ToString() ?? "",
            hook["events"] is JsonArray events ? [.. events.Select(e => e?.ToString() ?? "")] : [],
            hook["filters"]?[ScopeFilter]?.ToString() is { Length: > 0 } jql ? jql : null,
            hook["enabled"]?.GetValueKind() != System.Text.Json.JsonValueKind.False);
    }
}
