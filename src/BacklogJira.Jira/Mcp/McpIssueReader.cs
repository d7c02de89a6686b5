using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BacklogJira.Core.Ports;
using BacklogJira.Jira.Wire;

namespace BacklogJira.Jira.Mcp;

/// <summary>
/// Reads mcp-atlassian's simplified objects (docs/reference/jira.md §1.3) into the port's records. What the server leaves
/// out is read as such: a missing <c>description</c> or <c>labels</c> is empty (the fields were asked for), an
/// <c>assignee</c> without ids is "Unassigned", statuses and priorities carry names only (the name doubles as id),
/// and timestamps come without milliseconds, printed in the server's time zone (we start it with <c>TZ=UTC</c>).
/// </summary>
internal static class McpIssueReader
{
    /// <summary>The fields every <c>jira_get_issue</c> asks for.</summary>
    public const string IssueFields = "summary,description,status,assignee,reporter,labels,priority,issuetype,parent,resolution,duedate,fixVersions,created,updated";

    public static JiraIssue Issue(JsonNode json, JiraDeployment deployment)
    {
        var key = Text(json["key"]) ?? throw new FormatException("the issue has no \"key\"");
        var description = Text(json["description"]) ?? "";
        return new JiraIssue
        {
            Id = Text(json["id"]) ?? "",
            Key = key,
            ProjectKey = ProjectOf(key),
            IssueType = Text(json["issue_type"]?["name"]) ?? "",
            Summary = Text(json["summary"]) ?? "",
            Description = description.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd(),
            DescriptionFingerprint = Fingerprint(description),
            Status = Status(json["status"]) ?? new JiraStatus("", "", "undefined"),
            Assignee = User(json["assignee"], deployment),
            Reporter = User(json["reporter"], deployment),
            Priority = Text(json["priority"]?["name"]) is { Length: > 0 } priority ? new JiraPriority(priority, priority) : null,
            Labels = [.. (json["labels"] as JsonArray ?? []).Select(l => Text(l) ?? "").Where(l => l.Length > 0)],
            ParentKey = Text(json["parent"]?["key"]),
            Resolution = json["resolution"] is JsonObject resolution ? Text(resolution["name"]) : Text(json["resolution"]),
            DueDate = Text(json["duedate"]) ?? Text(json["due_date"]),
            // Names as strings in the simplified issue (models/jira/issue.py), objects in a raw one.
            FixVersions = [.. (json["fix_versions"] as JsonArray ?? json["fixVersions"] as JsonArray ?? []).Select(v => v is JsonObject o ? Text(o["name"]) : Text(v)).OfType<string>().Where(v => v.Length > 0)],
            Created = Timestamp(Text(json["created"])) ?? default,
            Updated = Timestamp(Text(json["updated"])) ?? default,
        };
    }

    /// <summary>A status object (<c>{"name", "category"}</c>); the category's name is turned into Jira's category key.</summary>
    public static JiraStatus? Status(JsonNode? json)
    {
        if (Text(json?["name"]) is not { Length: > 0 } name) return null;
        return new JiraStatus(name, name, CategoryKey(Text(json?["category"]) ?? Text(json?["statusCategory"]?["name"])));
    }

    public static string CategoryKey(string? categoryName) => categoryName?.Trim().ToLowerInvariant() switch
    {
        "to do" or "new" => "new",
        "in progress" or "indeterminate" => "indeterminate",
        "done" or "complete" => "done",
        _ => "undefined",
    };

    /// <summary>A user object; the "Unassigned" placeholder (no ids) is no user. On Cloud <c>name</c> is the display
    /// name, not a login, so it is not kept as one.</summary>
    public static JiraUser? User(JsonNode? json, JiraDeployment deployment)
    {
        if (json is not JsonObject user) return null;
        var accountId = Text(user["account_id"]) ?? Text(user["accountId"]);
        var name = deployment == JiraDeployment.DataCenter ? Text(user["name"]) : null;
        var key = Text(user["key"]);
        var display = Text(user["display_name"]) ?? Text(user["displayName"]) ?? name ?? "";
        if (accountId is null && name is null && key is null) return null;
        return new JiraUser(accountId, name, key, display, Text(user["email"]), user["active"]?.GetValueKind() != JsonValueKind.False, null);
    }

    /// <summary>Issue timestamps are <c>yyyy-MM-dd HH:mm:ss ZONE</c>; comment timestamps are Jira's own strings. Only a
    /// UTC zone is unambiguous (CEST, IST… are not), which is why the server is started with <c>TZ=UTC</c>.</summary>
    public static DateTimeOffset? Timestamp(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 3 && DateTime.TryParseExact(parts[0] + " " + parts[1], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall))
            return new DateTimeOffset(wall, TimeSpan.Zero);
        try { return JiraTimestamp.Parse(text); }
        catch (FormatException) { return null; }
    }

    /// <summary>The project part of an issue key (PROJ of PROJ-12).</summary>
    public static string ProjectOf(string key) => key[..Math.Max(0, key.LastIndexOf('-'))];

    public static string? Text(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        }
        : null;

    private static string Fingerprint(string description) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("mcp:" + description)))[..16];
}
