using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BacklogJira.Core.Ports;
using BacklogJira.Testing;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Sandbox.Jira;

namespace BacklogJira.Jira.Tests.Mcp;

/// <summary>sandbox-jira-mcp answers in the shapes docs/reference/jira.md §1.2–1.4 records for mcp-atlassian 0.23, quirks
/// included, checked with the SDK's own client over stdio (not through our McpJiraClient).</summary>
public sealed partial class StandInFidelityTests
{
    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task Answers_have_mcp_atlassians_shapes_and_quirks()
    {
        await using var jira = await SandboxJira.StartAsync(new SandboxOptions { Mode = SandboxMode.Cloud });
        var rest = jira.Client();
        var key = (await rest.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "Shape check", Description = "Hello **world**\n\n- one\n- two", Labels = ["a"] }, None)).Key;
        jira.Sandbox.SeedIssues(12);
        var launch = SandboxMcp.Launch();
        var settings = jira.Settings();
        await using var client = await McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = launch.Command,
            Arguments = [.. launch.Arguments],
            EnvironmentVariables = new Dictionary<string, string?> { ["JIRA_URL"] = settings.BaseUrl.ToString(), ["JIRA_USERNAME"] = settings.User, ["JIRA_API_TOKEN"] = settings.ApiToken },
        }), new McpClientOptions { ProtocolVersion = "2025-06-18" });

        var tools = await client.ListToolsAsync();
        var getIssue = tools.Single(t => t.Name == "jira_get_issue").ProtocolTool;
        getIssue.InputSchema.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ShouldBe(["issue_key"]);
        getIssue.OutputSchema!.Value.GetProperty("x-fastmcp-wrap-result").GetBoolean().ShouldBeTrue();
        tools.Select(t => t.Name).ShouldBe([.. BacklogJira.Jira.Mcp.McpJiraClient.RequiredTools, "jira_add_comment", "jira_search_fields", "jira_get_all_projects", "jira_get_project_versions", "jira_create_version"], ignoreOrder: true);

        // Simplified issue: names without ids, category by name, Unassigned placeholder, re-printed timestamps.
        var result = await client.CallToolAsync("jira_get_issue", new Dictionary<string, object?> { ["issue_key"] = key });
        result.IsError.ShouldNotBe(true);
        var text = ((TextContentBlock)result.Content[0]).Text;
        result.StructuredContent!.Value.GetProperty("result").GetString().ShouldBe(text);
        var issue = JsonNode.Parse(text)!.AsObject();
        issue.Select(p => p.Key).ShouldBeSubsetOf(["id", "key", "summary", "url", "description", "status", "issue_type", "priority", "assignee", "reporter", "labels", "created", "updated", "comments"]);
        issue["status"]!.AsObject().Select(p => p.Key).ShouldBe(["name", "category", "color"]);
        issue["status"]!["category"]!.GetValue<string>().ShouldBe("To Do");
        issue["priority"]!.AsObject().Select(p => p.Key).ShouldBe(["name"]);
        issue["assignee"]!.ToJsonString().ShouldBe("""{"display_name":"Unassigned"}""");
        LocalTimestamp().IsMatch(issue["updated"]!.GetValue<string>()).ShouldBeTrue();
        issue["description"]!.GetValue<string>().ShouldBe("Hello **world**\n\n- one\n- two");

        // Search: Cloud total -1, token paging, descriptions flattened to plain text.
        var page = JsonNode.Parse(((TextContentBlock)(await client.CallToolAsync("jira_search", new Dictionary<string, object?> { ["jql"] = "project = DEMO ORDER BY key ASC", ["limit"] = 5 })).Content[0]).Text)!;
        page["total"]!.GetValue<int>().ShouldBe(-1);
        page["issues"]!.AsArray().Count.ShouldBe(5);
        page["next_page_token"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        page["issues"]![0]!["description"]!.GetValue<string>().ShouldBe("Hello \nworld\none\ntwo");

        // Transitions: numeric ids, no target.
        var transitions = JsonNode.Parse(((TextContentBlock)(await client.CallToolAsync("jira_get_transitions", new Dictionary<string, object?> { ["issue_key"] = key })).Content[0]).Text)!.AsArray();
        transitions.ShouldAllBe(t => t!.AsObject().Count == 2 && t["id"]!.GetValueKind() == JsonValueKind.Number);

        // Update failures are reported inside a successful answer.
        var update = await client.CallToolAsync("jira_update_issue", new Dictionary<string, object?> { ["issue_key"] = key, ["fields"] = """{"priority": {"name": "NoSuchPriority"}}""" });
        update.IsError.ShouldNotBe(true);
        var updateJson = JsonNode.Parse(((TextContentBlock)update.Content[0]).Text)!;
        updateJson["message"]!.GetValue<string>().ShouldBe("Issue update failed");
        updateJson["operations_failed"]!.AsArray().Count.ShouldBe(1);

        // Tool errors: isError with the un-prefixed function name; validation before any HTTP call.
        var missing = await client.CallToolAsync("jira_get_issue", new Dictionary<string, object?> { ["issue_key"] = "DEMO-999" });
        missing.IsError.ShouldBe(true);
        ((TextContentBlock)missing.Content[0]).Text.ShouldBe("Error calling tool 'get_issue': Issue DEMO-999 not found. Verify the issue key and project access.");
        var invalid = await client.CallToolAsync("jira_get_issue", new Dictionary<string, object?> { ["issue_key"] = "demo-1" });
        invalid.IsError.ShouldBe(true);
        ((TextContentBlock)invalid.Content[0]).Text.ShouldContain("String should match pattern");

        // User lookups fail softly.
        var nobody = JsonNode.Parse(((TextContentBlock)(await client.CallToolAsync("jira_get_user_profile", new Dictionary<string, object?> { ["user_identifier"] = "nobody@example.com" })).Content[0]).Text)!;
        nobody["success"]!.GetValue<bool>().ShouldBeFalse();
        nobody["user_identifier"]!.GetValue<string>().ShouldBe("nobody@example.com");
        var me = JsonNode.Parse(((TextContentBlock)(await client.CallToolAsync("jira_get_user_profile", new Dictionary<string, object?> { ["user_identifier"] = "me" })).Content[0]).Text)!;
        me["user"]!.AsObject().Select(p => p.Key).ShouldBe(["account_id", "display_name", "name", "email", "avatar_url"]);

        // Create echoes the issue wrapped in a message, description not as the Markdown sent.
        var created = JsonNode.Parse(((TextContentBlock)(await client.CallToolAsync("jira_create_issue", new Dictionary<string, object?>
        {
            ["project_key"] = "DEMO", ["summary"] = "Made via MCP", ["issue_type"] = "Task", ["description"] = "Some **bold**",
            ["additional_fields"] = """{"labels": ["x"], "priority": {"name": "High"}}""",
        })).Content[0]).Text)!;
        created["message"]!.GetValue<string>().ShouldBe("Issue created successfully");
        created["issue"]!["description"]!.GetValue<string>().ShouldBe("Some *bold*");
        (await rest.GetIssueAsync(created["issue"]!["key"]!.GetValue<string>(), None))!.Priority!.Name.ShouldBe("High");

        var unknown = await client.CallToolAsync("jira_delete_everything", new Dictionary<string, object?>());
        unknown.IsError.ShouldBe(true);
        ((TextContentBlock)unknown.Content[0]).Text.ShouldBe("Unknown tool: jira_delete_everything");
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$")]
    private static partial Regex LocalTimestamp();
}
