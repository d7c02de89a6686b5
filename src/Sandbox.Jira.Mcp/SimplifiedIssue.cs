using System.Globalization;
using System.Text.Json.Nodes;
using Sandbox.Jira.Mcp.Text;

namespace Sandbox.Jira.Mcp;

/// <summary>Which Jira the stand-in talks to; the real server decides by host name (docs/mcp-transport.md).</summary>
internal enum Deployment { Cloud, DataCenter }

/// <summary>How a description is given back: converted to Markdown (get_issue), flattened (search), or raw (create's echo).</summary>
internal enum DescriptionForm { Markdown, Flattened, Raw }

/// <summary>
/// mcp-atlassian's <c>to_simplified_dict</c> (docs/reference/jira.md §1.3) of Jira's own issue JSON: keys only for requested
/// fields with a truthy value, names without ids for status, priority and issue type, the status category by name,
/// "Unassigned" for no assignee, timestamps re-printed as <c>yyyy-MM-dd HH:mm:ss UTC</c> (milliseconds and offset lost).
/// </summary>
internal static class SimplifiedIssue
{
    public static readonly string[] DefaultFields = ["summary", "description", "status", "assignee", "reporter", "labels", "priority", "created", "updated", "issuetype"];

    public static JsonObject From(JsonNode issue, Uri baseUrl, Deployment deployment, IReadOnlyCollection<string> fields, DescriptionForm form = DescriptionForm.Markdown)
    {
        bool Wants(string field) => fields.Contains("*all") || fields.Contains(field, StringComparer.OrdinalIgnoreCase);
        var f = issue["fields"] as JsonObject ?? [];
        var json = new JsonObject { ["id"] = Str(issue["id"]), ["key"] = Str(issue["key"]) };
        if (Wants("summary") && Str(f["summary"]) is { Length: > 0 } summary) json["summary"] = summary;
        json["url"] = new Uri(baseUrl, $"rest/api/2/issue/{Str(issue["id"])}").ToString();
        if (Wants("description") && Description(f["description"], baseUrl, form) is { Length: > 0 } description) json["description"] = description;
        if (Wants("status") && f["status"] is JsonObject status)
        {
            var category = Str(status["statusCategory"]?["key"]);
            json["status"] = new JsonObject { ["name"] = Str(status["name"]), ["category"] = CategoryName(category), ["color"] = CategoryColor(category) };
        }
        if (Wants("issuetype") && Str(f["issuetype"]?["name"]) is { Length: > 0 } type) json["issue_type"] = new JsonObject { ["name"] = type };
        if (Wants("priority") && Str(f["priority"]?["name"]) is { Length: > 0 } priority) json["priority"] = new JsonObject { ["name"] = priority };
        if (Wants("assignee")) json["assignee"] = f["assignee"] is JsonObject assignee ? User(assignee, deployment) : new JsonObject { ["display_name"] = "Unassigned" };
        if (Wants("reporter") && f["reporter"] is JsonObject reporter) json["reporter"] = User(reporter, deployment);
        if (Wants("labels") && f["labels"] is JsonArray { Count: > 0 } labels) json["labels"] = labels.DeepClone();
        if (Wants("created") && Timestamp(f["created"]) is { } created) json["created"] = created;
        if (Wants("updated") && Timestamp(f["updated"]) is { } updated) json["updated"] = updated;
        if (Wants("parent") && Str(f["parent"]?["key"]) is { Length: > 0 } parent) json["parent"] = new JsonObject { ["key"] = parent };
        if (Wants("resolution") && Str(f["resolution"]?["name"]) is { Length: > 0 } resolution) json["resolution"] = new JsonObject { ["name"] = resolution };
        if (Wants("duedate") && Str(f["duedate"]) is { Length: > 0 } due) json["duedate"] = due;
        if (Wants("fixVersions") && f["fixVersions"] is JsonArray { Count: > 0 } versions)
            json["fix_versions"] = new JsonArray([.. versions.Select(v => (JsonNode?)Str(v?["name"]))]);
        return json;
    }

    public static JsonObject User(JsonNode user, Deployment deployment)
    {
        var json = new JsonObject();
        if (deployment == Deployment.Cloud) json["account_id"] = Str(user["accountId"]);
        var display = Str(user["displayName"]);
        json["display_name"] = display;
        // On Cloud there is no login name: mcp-atlassian fills "name" with the display name.
        json["name"] = deployment == Deployment.Cloud ? display : Str(user["name"]);
        json["email"] = user["emailAddress"] is JsonValue email ? email.ToString() : null;
        json["avatar_url"] = $"https://avatar.example.invalid/{Uri.EscapeDataString(Str(user["accountId"]) ?? Str(user["key"]) ?? Str(user["name"]) ?? "")}";
        if (deployment == Deployment.DataCenter && Str(user["key"]) is { } key) json["key"] = key;
        return json;
    }

    /// <summary>Jira's <c>2024-01-16T08:01:02.123+0000</c> as Python prints it: seconds, UTC, no milliseconds.</summary>
    public static string? Timestamp(JsonNode? value)
    {
        if (Str(value) is not { Length: > 0 } text) return null;
        // "+0000" (Jira) is not an offset .NET parses; "+00:00" is.
        if (text.Length > 5 && text[^5] is '+' or '-' && text[^3] != ':') text = text[..^2] + ":" + text[^2..];
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC"
            : null;
    }

    /// <summary>REST v2 gives wiki text; Cloud's search (v3) gives ADF, which search flattens to its text nodes, one a line.</summary>
    private static string? Description(JsonNode? value, Uri baseUrl, DescriptionForm form) => value switch
    {
        JsonObject adf => string.Join('\n', TextNodes(adf)),
        JsonValue wiki when form == DescriptionForm.Markdown => WikiToMarkdown.Convert(wiki.ToString(), baseUrl.ToString()),
        JsonValue wiki => wiki.ToString(),
        _ => null,
    };

    private static IEnumerable<string> TextNodes(JsonNode? node)
    {
        if (Str(node?["type"]) == "text") yield return Str(node?["text"]) ?? "";
        if (node?["content"] is JsonArray children)
            foreach (var text in children.SelectMany(TextNodes)) yield return text;
    }

    public static string? Str(JsonNode? node) => node is JsonValue value ? value.ToString() : null;

    private static string CategoryName(string? key) => key switch
    {
        "new" => "To Do",
        "indeterminate" => "In Progress",
        "done" => "Done",
        _ => "No Category",
    };

    private static string CategoryColor(string? key) => key switch
    {
        "new" => "blue-gray",
        "indeterminate" => "yellow",
        "done" => "green",
        _ => "medium-gray",
    };
}
