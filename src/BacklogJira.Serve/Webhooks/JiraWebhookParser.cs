using System.Globalization;
using System.Text.Json;

namespace BacklogJira.Serve.Webhooks;

/// <summary>
/// Reads a Jira webhook body (docs/serve.md, "What Jira sends"). Pure: bytes in, an event or a reason out; never throws
/// on what a sender can put in a body.
/// </summary>
public static class JiraWebhookParser
{
    /// <summary>The events sync acts on; any other is acknowledged and ignored.</summary>
    public static readonly IReadOnlyList<string> Handled =
    [
        "jira:issue_created", "jira:issue_updated", "jira:issue_deleted",
        "comment_created", "comment_updated", "comment_deleted",
        "issuelink_created", "issuelink_deleted",
    ];

    public static WebhookParse Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 256 });
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return WebhookParse.Invalid("the body is not a JSON object");
            if (!root.TryGetProperty("webhookEvent", out var nameElement) || nameElement.ValueKind != JsonValueKind.String)
                return WebhookParse.Invalid("no webhookEvent");
            var name = nameElement.GetString()!;
            if (!Handled.Contains(name)) return WebhookParse.Ignored(name);
            if (name.StartsWith("issuelink_", StringComparison.Ordinal)) return Links(root, name);
            if (!root.TryGetProperty("issue", out var issue) || IssueOf(issue) is not { } reference)
                return WebhookParse.Invalid($"{name} without an issue id");
            return WebhookParse.Of(new JiraWebhookEvent(name, [reference], name == "jira:issue_deleted"));
        }
        catch (JsonException error)
        {
            return WebhookParse.Invalid("the body is not valid JSON: " + error.Message);
        }
    }

    private static WebhookParse Links(JsonElement root, string name)
    {
        if (!root.TryGetProperty("issueLink", out var link) || link.ValueKind != JsonValueKind.Object)
            return WebhookParse.Invalid($"{name} without an issueLink");
        var ids = LinkEnds
            .Select(p => link.TryGetProperty(p, out var v) ? IdText(v) : null)
            .Where(id => id is not null)
            .Select(id => new IssueRef(id!, null))
            .ToList();
        return ids.Count == 0 ? WebhookParse.Invalid($"{name} without issue ids") : WebhookParse.Of(new JiraWebhookEvent(name, ids, false));
    }

    private static readonly string[] LinkEnds = ["sourceIssueId", "destinationIssueId"];

    private static IssueRef? IssueOf(JsonElement issue)
    {
        if (issue.ValueKind != JsonValueKind.Object || !issue.TryGetProperty("id", out var idElement) || IdText(idElement) is not { } id) return null;
        var key = issue.TryGetProperty("key", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
        return new IssueRef(id, string.IsNullOrWhiteSpace(key) ? null : key);
    }

    /// <summary>Jira sends ids as strings in issues and as numbers in links; only digits are an id.</summary>
    private static string? IdText(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number when value.TryGetInt64(out var n) => n.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
        return text is { Length: > 0 and <= 19 } && text.All(char.IsAsciiDigit) ? text : null;
    }
}

/// <summary>The parser's answer: an event to act on, an event we do not handle, or a body that is not a webhook.</summary>
public sealed record WebhookParse(JiraWebhookEvent? Event, string? IgnoredName, string? Problem)
{
    public static WebhookParse Of(JiraWebhookEvent value) => new(value, null, null);
    public static WebhookParse Ignored(string name) => new(null, name, null);
    public static WebhookParse Invalid(string problem) => new(null, null, problem);
}
