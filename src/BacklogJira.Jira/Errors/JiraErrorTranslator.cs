using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BacklogJira.Jira.Errors;

/// <summary>Turns a failed Jira answer into a typed exception whose message names the request and the fix
/// (docs/reference/original-plugin.md §10.1: auth hint, proxy/SSO hint, API-removed hint).</summary>
internal static partial class JiraErrorTranslator
{
    public static JiraException Translate(string operation, HttpStatusCode status, string? mediaType, string body, string user)
    {
        var code = (int)status;
        if (IsHtml(mediaType, body) || code is >= 300 and < 400)
        {
            return new JiraUnexpectedHtmlException(
                $"{operation}: Jira answered {code} with an HTML page instead of JSON, which is what a proxy or single sign-on login page does. " +
                "Check that JIRA_URL is the Jira site itself (e.g. https://yourcompany.atlassian.net) and that the token is valid and allowed through the proxy.",
                status);
        }
        var (messages, fields) = ParseErrorCollection(body);
        var detail = string.Join(" ", messages.Concat(fields.Select(f => $"{f.Key}: {f.Value}")));
        var suffix = detail.Length > 0 ? $" Jira says: {detail}" : "";
        return code switch
        {
            401 => new JiraAuthenticationException(
                $"{operation}: Jira rejected the credentials ({user}). Check JIRA_EMAIL and JIRA_API_TOKEN on Cloud or JIRA_PERSONAL_TOKEN on Data Center; API tokens expire after at most a year."),
            403 => new JiraPermissionException($"{operation}: permission denied for {user}.{suffix} Ask a Jira admin for the project permission this needs."),
            404 => new JiraNotFoundException($"{operation}: not found, or not visible to {user}.{suffix}"),
            410 => new JiraApiRemovedException($"{operation}: Jira has removed this API.{suffix} Upgrade backlog-jira, or set the deployment explicitly if this is not Jira Cloud."),
            400 when NotOnScreen(messages, fields) is { } field => new JiraFieldNotOnScreenException(
                $"{operation}: the field '{field}' is not on the project's screen, so Jira will not set it.{suffix} Add it to the screen or stop mapping it.",
                field, messages, fields),
            400 when messages.Any(m => m.Contains("Transition id", StringComparison.Ordinal) || m.Contains("'transition' identifier", StringComparison.Ordinal)) =>
                new JiraInvalidTransitionException($"{operation}: the transition is not available from the issue's current status.{suffix}", messages, fields),
            400 or 409 or 413 or 422 => new JiraRequestRejectedException($"{operation}: Jira rejected the request ({code}).{suffix}", messages, fields),
            429 => new JiraRateLimitedException($"{operation}: Jira kept answering 429 Too Many Requests after every retry. Lower the concurrency or try again later."),
            _ => new JiraUnavailableException($"{operation}: Jira answered {code}.{suffix} Try again later.", status),
        };
    }

    public static (IReadOnlyList<string> Messages, IReadOnlyDictionary<string, string> Fields) ParseErrorCollection(string body)
    {
        try
        {
            if (JsonNode.Parse(body) is not JsonObject json) return ([], new Dictionary<string, string>());
            var messages = (json["errorMessages"] as JsonArray ?? []).Select(m => m?.ToString() ?? "").Where(m => m.Length > 0).ToList();
            var fields = (json["errors"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "");
            return (messages, fields);
        }
        catch (JsonException)
        {
            return ([], new Dictionary<string, string>());
        }
    }

    private static string? NotOnScreen(IReadOnlyList<string> messages, IReadOnlyDictionary<string, string> fields)
    {
        foreach (var (field, message) in fields)
        {
            if (message.Contains("It is not on the appropriate screen", StringComparison.Ordinal)) return field;
        }
        foreach (var message in messages)
        {
            var match = FieldCannotBeSet().Match(message);
            if (match.Success) return match.Groups["field"].Value;
        }
        return null;
    }

    private static bool IsHtml(string? mediaType, string body) =>
        mediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true
        || body.TrimStart().StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase)
        || body.TrimStart().StartsWith("<html", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"Field '(?<field>[^']+)' cannot be set")]
    private static partial Regex FieldCannotBeSet();
}
