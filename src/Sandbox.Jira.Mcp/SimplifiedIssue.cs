using System.Globalization;
using System.Text.Json.Nodes;
using BacklogJira.Core.Ports;
using BacklogJira.Core.Text;

namespace Sandbox.Jira.Mcp;

/// <summary>
/// mcp-atlassian's <c>to_simplified_dict</c> (docs/reference/jira.md §1.3): keys only for requested fields with a truthy value,
/// names without ids for status, priority and issue type, the status category by name, "Unassigned" for no assignee,
/// timestamps re-printed as <c>yyyy-MM-dd HH:mm:ss UTC</c> (milliseconds and offset lost).
/// </summary>
internal static class SimplifiedIssue
{
    public static readonly string[] DefaultFields = ["summary", "description", "status", "assignee", "reporter", "labels", "priority", "created", "updated", "issuetype"];

    public static JsonObject From(JiraIssue issue, Uri baseUrl, JiraDeployment deployment, IReadOnlyCollection<string> fields, string descriptionForm = "markdown")
    {
        bool Wants(string field) => fields.Contains("*all") || fields.Contains(field, StringComparer.OrdinalIgnoreCase);
        var json = new JsonObject
        {
            ["id"] = issue.Id,
            ["key"] = issue.Key,
        };
        if (Wants("summary") && issue.Summary.Length > 0) json["summary"] = issue.Summary;
        json["url"] = new Uri(baseUrl, $"rest/api/2/issue/{issue.Id}").ToString();
        if (Wants("description") && issue.Description.Length > 0)
            json["description"] = descriptionForm == "markdown" ? issue.Description : Flatten(issue.Description, deployment);
        if (Wants("status") && issue.Status.Name.Length > 0)
            json["status"] = new JsonObject { ["name"] = issue.Status.Name, ["category"] = CategoryName(issue.Status.CategoryKey), ["color"] = CategoryColor(issue.Status.CategoryKey) };
        if (Wants("issuetype") && issue.IssueType.Length > 0) json["issue_type"] = new JsonObject { ["name"] = issue.IssueType };
        if (Wants("priority") && issue.Priority is { } priority) json["priority"] = new JsonObject { ["name"] = priority.Name };
        if (Wants("assignee")) json["assignee"] = issue.Assignee is { } assignee ? User(assignee, deployment) : new JsonObject { ["display_name"] = "Unassigned" };
        if (Wants("reporter") && issue.Reporter is { } reporter) json["reporter"] = User(reporter, deployment);
        if (Wants("labels") && issue.Labels.Count > 0) json["labels"] = new JsonArray([.. issue.Labels.Select(l => (JsonNode?)l)]);
        if (Wants("created") && issue.Created != default) json["created"] = Timestamp(issue.Created);
        if (Wants("updated") && issue.Updated != default) json["updated"] = Timestamp(issue.Updated);
        if (Wants("parent") && issue.ParentKey is { } parent) json["parent"] = new JsonObject { ["key"] = parent };
        if (Wants("resolution") && issue.Resolution is { } resolution) json["resolution"] = new JsonObject { ["name"] = resolution };
        if (Wants("duedate") && issue.DueDate is { } due) json["duedate"] = due;
        if (Wants("fixVersions") && issue.FixVersions.Count > 0) json["fix_versions"] = new JsonArray([.. issue.FixVersions.Select(v => (JsonNode?)v)]);
        return json;
    }

    public static JsonObject User(JiraUser user, JiraDeployment deployment)
    {
        var json = new JsonObject();
        if (deployment == JiraDeployment.Cloud) json["account_id"] = user.AccountId;
        json["display_name"] = user.DisplayName;
        // On Cloud there is no login name: mcp-atlassian fills "name" with the display name.
        json["name"] = deployment == JiraDeployment.Cloud ? user.DisplayName : user.Name;
        json["email"] = user.Email;
        json["avatar_url"] = $"https://avatar.example.invalid/{Uri.EscapeDataString(user.StableId)}";
        if (deployment == JiraDeployment.DataCenter && user.Key is not null) json["key"] = user.Key;
        return json;
    }

    public static string Timestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>What search returns as a description: on Cloud ADF flattened to plain text, every text node on its own
    /// line (marks, list markers and headings gone); on Data Center the raw wiki markup.</summary>
    public static string Flatten(string markdown, JiraDeployment deployment)
    {
        var adf = MarkdownToAdf.Convert(markdown);
        if (deployment == JiraDeployment.DataCenter) return AdfToWiki.Convert(adf, mentionsByAccountId: false);
        var texts = new List<string>();
        void Walk(JsonNode? node)
        {
            if (Adf.TypeOf(node) == "text") texts.Add(node?["text"]?.GetValue<string>() ?? "");
            foreach (var child in Adf.ContentOf(node)) Walk(child);
        }
        Walk(adf);
        return string.Join('\n', texts);
    }

    private static string CategoryName(string key) => key switch
    {
        "new" => "To Do",
        "indeterminate" => "In Progress",
        "done" => "Done",
        _ => "No Category",
    };

    private static string CategoryColor(string key) => key switch
    {
        "new" => "blue-gray",
        "indeterminate" => "yellow",
        "done" => "green",
        _ => "medium-gray",
    };
}
