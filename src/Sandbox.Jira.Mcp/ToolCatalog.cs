using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;

namespace Sandbox.Jira.Mcp;

/// <summary>The tool list as mcp-atlassian 0.23 advertises it (names, argument names and types, required ones; nullable
/// types collapsed to plain ones, as its schema sanitiser does), limited to the Jira tools a sync uses.</summary>
internal static class ToolCatalog
{
    /// <summary>The mcp-atlassian release whose surface this stands in for; the product pins the same one
    /// (McpServerLaunch.PinnedVersion, checked by a test).</summary>
    public const string PinnedVersion = "0.23.1";

    private sealed record Argument(string Name, string Type, bool Required, string Description);

    public static IReadOnlyList<Tool> All { get; } =
    [
        Define("jira_get_issue", "Get details of a specific Jira issue including its Epic links and relationship information.",
            new Argument("issue_key", "string", true, "Jira issue key (e.g., 'PROJ-123')"),
            new Argument("fields", "string", false, "Comma-separated list of fields to return; '*all' for all fields"),
            new Argument("expand", "string", false, "Fields to expand"),
            new Argument("comment_limit", "integer", false, "Maximum number of comments to include (0 or null for no comments)"),
            new Argument("properties", "string", false, "Comma-separated list of issue properties to return"),
            new Argument("update_history", "boolean", false, "Whether to update the issue view history for the requesting user"),
            new Argument("include", "string", false, "Comma-separated enrichment sections")),
        Define("jira_search", "Search Jira issues using JQL (Jira Query Language).",
            new Argument("jql", "string", true, "JQL query string"),
            new Argument("fields", "string", false, "Comma-separated fields to return in the results"),
            new Argument("limit", "integer", false, "Maximum number of results (1-50)"),
            new Argument("start_at", "integer", false, "Starting index for pagination (0-based)"),
            new Argument("projects_filter", "string", false, "Comma-separated list of project keys to filter results by"),
            new Argument("expand", "string", false, "Fields to expand"),
            new Argument("page_token", "string", false, "Pagination token from a previous search result (Cloud only)")),
        Define("jira_create_issue", "Create a new Jira issue with optional Epic link or parent for subtasks.",
            new Argument("project_key", "string", true, "The JIRA project key"),
            new Argument("summary", "string", true, "Summary/title of the issue"),
            new Argument("issue_type", "string", true, "Issue type (e.g. 'Task', 'Bug', 'Story', 'Epic', 'Subtask')"),
            new Argument("assignee", "string", false, "Assignee's user identifier (email, display name, or account ID)"),
            new Argument("description", "string", false, "Issue description in Markdown format"),
            new Argument("components", "string", false, "Comma-separated list of component names"),
            new Argument("additional_fields", "string", false, "JSON string of additional fields")),
        Define("jira_update_issue", "Update an existing Jira issue including changing status, adding Epic links, updating fields, etc.",
            new Argument("issue_key", "string", true, "Jira issue key"),
            new Argument("fields", "string", true, "JSON string of fields to update"),
            new Argument("additional_fields", "string", false, "JSON string of additional fields"),
            new Argument("components", "string", false, "Comma-separated list of component names"),
            new Argument("attachments", "string", false, "JSON array or comma-separated list of file paths"),
            new Argument("return_fields", "string", false, "Comma-separated fields of the returned issue")),
        Define("jira_assign_issue", "Assign or unassign a Jira issue.",
            new Argument("issue_key", "string", true, "Jira issue key"),
            new Argument("assignee", "string", false, "User identifier; null or empty to unassign")),
        Define("jira_get_transitions", "Get available status transitions for a Jira issue.",
            new Argument("issue_key", "string", true, "Jira issue key")),
        Define("jira_transition_issue", "Transition a Jira issue to a new status.",
            new Argument("issue_key", "string", true, "Jira issue key"),
            new Argument("transition_id", "string", true, "ID or name of the transition to perform"),
            new Argument("fields", "string", false, "JSON string of fields to update during the transition"),
            new Argument("comment", "string", false, "Comment to add during the transition (Markdown)")),
        Define("jira_add_comment", "Add a comment to a Jira issue.",
            new Argument("issue_key", "string", true, "Jira issue key"),
            new Argument("body", "string", true, "Comment text in Markdown format")),
        Define("jira_get_user_profile", "Retrieve profile information for a specific Jira user.",
            new Argument("user_identifier", "string", true, "Identifier for the user (e.g., email address, username, account ID, or 'me')")),
        Define("jira_get_all_projects", "Get all Jira projects accessible to the current user.",
            new Argument("include_archived", "boolean", false, "Whether to include archived projects in the results")),
        Define("jira_search_fields", "Search Jira fields by keyword with fuzzy match.",
            new Argument("keyword", "string", false, "Keyword for fuzzy search"),
            new Argument("limit", "integer", false, "Maximum number of results"),
            new Argument("refresh", "boolean", false, "Whether to force refresh the field list")),
        Define("jira_get_project_versions", "Get all fix versions for a specific Jira project.",
            new Argument("project_key", "string", true, "Jira project key (e.g., 'PROJ', 'ACV2')")),
        Define("jira_create_version", "Create a new fix version in a Jira project.",
            new Argument("project_key", "string", true, "Jira project key (e.g., 'PROJ', 'ACV2')"),
            new Argument("name", "string", true, "Name of the version"),
            new Argument("start_date", "string", false, "Start date (YYYY-MM-DD)"),
            new Argument("release_date", "string", false, "Release date (YYYY-MM-DD)"),
            new Argument("description", "string", false, "Description of the version")),
    ];

    private static Tool Define(string name, string description, params Argument[] arguments)
    {
        var properties = new JsonObject();
        foreach (var argument in arguments)
            properties[argument.Name] = new JsonObject { ["type"] = argument.Type, ["description"] = argument.Description };
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray([.. arguments.Where(a => a.Required).Select(a => (JsonNode?)a.Name)]),
        };
        var output = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["result"] = new JsonObject { ["type"] = "string" } },
            ["x-fastmcp-wrap-result"] = true,
        };
        return new Tool
        {
            Name = name,
            Description = description,
            InputSchema = JsonSerializer.SerializeToElement(schema),
            OutputSchema = JsonSerializer.SerializeToElement(output),
        };
    }
}
