using System.Text.Json;

namespace BacklogMcp.Core.Api;

/// <summary>Turns Backlog's error answer into the text a caller reads: the status, Backlog's own message and code
/// (which the reference dropped), and what to do next. Never the query (the API key is in it).</summary>
public static class HttpErrorText
{
    public static (int? Code, string? Message) ParseBody(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                int? code = null;
                var messages = new List<string>();
                foreach (var error in errors.EnumerateArray())
                {
                    if (code is null && error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number) code = c.GetInt32();
                    if (error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String && m.GetString() is { Length: > 0 } text) messages.Add(text);
                }
                return (code, messages.Count == 0 ? null : string.Join(" ", messages));
            }
        }
        catch (JsonException)
        {
        }
        return (null, null);
    }

    public static string Describe(int status, string method, string urlWithoutQuery, int? code, string? message, string? contentType)
    {
        var what = message is null
            ? contentType is { } type && !type.Contains("json", StringComparison.OrdinalIgnoreCase) ? $" (the answer was {type.Split(';')[0]}, not Backlog's JSON: a proxy or gateway answered)" : ""
            : $": {message}";
        var codeText = code is { } c ? $" (Backlog error code {c} {CodeName(c)})" : "";
        return $"Backlog HTTP {status} from {method} {urlWithoutQuery}{what}{codeText}. {Advice(status, code, urlWithoutQuery)}";
    }

    private static string CodeName(int code) => code switch
    {
        1 => "InternalError",
        2 => "LicenceError",
        3 => "LicenceExpiredError",
        4 => "AccessDeniedError",
        5 => "UnauthorizedOperationError",
        6 => "NoResourceError",
        7 => "InvalidRequestError",
        8 => "SpaceOverCapacityError",
        9 => "ResourceOverflowError",
        10 => "TooLargeFileError",
        11 => "AuthenticationError",
        12 => "RequiredMFAError",
        13 => "TooManyRequestsError",
        _ => "",
    };

    private static string Advice(int status, int? code, string url) => (status, code) switch
    {
        (404, _) or (_, 6) when url.Contains("/attachments/", StringComparison.Ordinal) =>
            "Check the attachment id: backlog_get_attachments lists the issue's attachments with their ids.",
        (404, _) or (_, 6) when url.Contains("/comments/", StringComparison.Ordinal) =>
            "Check the comment id: backlog_get_comments lists the issue's comments with their ids.",
        (401, _) or (_, 11) => "Check BACKLOG_API_KEY (Backlog: Personal Settings → API) and that BACKLOG_BASE_URL is the space the key belongs to.",
        (_, 12) => "The space requires two-factor authentication for API access; sign in to Backlog and follow its instructions.",
        (_, 4) => "The space does not accept requests from this IP address; ask the space administrator.",
        (403, _) or (_, 5) => "The API key's user may not do this here; ask a project administrator for access.",
        (404, _) or (_, 6) => "Check the key or id: backlog_get_projects lists projects, backlog_get_issue_list finds issues.",
        (429, _) or (_, 13) => "Backlog's rate limit is used up; wait until it resets (about a minute) and call again.",
        (400, _) or (_, 7) => "Backlog refused the parameters; correct them and call again.",
        (>= 500, _) => "Backlog (or a proxy in front of it) failed; try again in a moment.",
        _ => "",
    };
}
