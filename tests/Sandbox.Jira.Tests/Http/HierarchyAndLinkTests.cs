using System.Net;
using static Sandbox.Jira.Tests.Http.SandboxHttp;

namespace Sandbox.Jira.Tests.Http;

/// <summary>Issue 17: issue links and the issue hierarchy as raw HTTP sees them, with Jira's direction rules and error
/// texts (docs/reference/jira.md §9–10).</summary>
public class HierarchyAndLinkTests
{
    [Fact]
    public async Task A_link_shows_on_both_issues_in_jira_s_direction_is_made_once_and_an_unknown_type_is_a_404()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new SandboxOptions());
        sandbox.SeedIssues(2);
        using var http = Client(sandbox);
        const string blocks = """{"type":{"name":"Blocks"},"inwardIssue":{"key":"DEMO-1"},"outwardIssue":{"key":"DEMO-2"}}""";

        (await SendAsync(http, "POST", "/rest/api/3/issueLink", blocks)).Status.ShouldBe(HttpStatusCode.Created);
        (await SendAsync(http, "POST", "/rest/api/3/issueLink", blocks)).Status.ShouldBe(HttpStatusCode.Created);

        var blocker = (await SendAsync(http, "GET", "/rest/api/3/issue/DEMO-1?fields=issuelinks")).Body!["fields"]!["issuelinks"]!.AsArray();
        blocker.Count.ShouldBe(1, "a repeated link is reported as created and not made twice");
        blocker[0]!["outwardIssue"]!["key"]!.GetValue<string>().ShouldBe("DEMO-2");
        var blocked = (await SendAsync(http, "GET", "/rest/api/3/issue/DEMO-2?fields=issuelinks")).Body!["fields"]!["issuelinks"]!.AsArray();
        blocked[0]!["inwardIssue"]!["key"]!.GetValue<string>().ShouldBe("DEMO-1");
        blocked[0]!["type"]!["inward"]!.GetValue<string>().ShouldBe("is blocked by");

        var (status, error) = await SendAsync(http, "POST", "/rest/api/3/issueLink", """{"type":{"name":"Depends"},"inwardIssue":{"key":"DEMO-1"},"outwardIssue":{"key":"DEMO-2"}}""");
        status.ShouldBe(HttpStatusCode.NotFound);
        error!["errorMessages"]![0]!.GetValue<string>().ShouldBe("No issue link type with name 'Depends' found.");
    }

    [Theory]
    [InlineData(SandboxMode.Cloud)]
    [InlineData(SandboxMode.DataCenter)]
    public async Task Sub_tasks_need_a_standard_parent_and_a_standard_issue_takes_only_an_epic_on_cloud(SandboxMode mode)
    {
        await using var sandbox = await JiraSandbox.StartAsync(new SandboxOptions { Mode = mode, User = mode == SandboxMode.Cloud ? "demo@example.com" : "demo" });
        sandbox.SeedIssues(2);
        using var http = Client(sandbox);
        var api = mode == SandboxMode.Cloud ? "/rest/api/3" : "/rest/api/2";
        string Issue(string type, string? parent)
        {
            var parentField = parent is null ? "" : ",\"parent\":{\"key\":\"" + parent + "\"}";
            return "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"" + type + "\"},\"summary\":\"x\"" + parentField + "}}";
        }

        var (orphan, orphanError) = await SendAsync(http, "POST", $"{api}/issue", Issue("Subtask", null));
        orphan.ShouldBe(HttpStatusCode.BadRequest);
        orphanError!["errors"]!["parent"]!.GetValue<string>().ShouldBe("Issue type is a sub-task but parent issue key or id not specified.");
        (await SendAsync(http, "POST", $"{api}/issue", Issue("Subtask", "DEMO-1"))).Status.ShouldBe(HttpStatusCode.Created);

        var (standard, standardError) = await SendAsync(http, "PUT", $"{api}/issue/DEMO-2", """{"fields":{"parent":{"key":"DEMO-1"}}}""");
        standard.ShouldBe(HttpStatusCode.BadRequest);
        standardError!["errors"]!["parent"]!.GetValue<string>().ShouldBe(mode == SandboxMode.Cloud
            ? "Given parent work item does not belong to appropriate hierarchy."
            : "Field 'parent' cannot be set. It is not on the appropriate screen, or unknown.");
    }

    [Fact]
    public async Task Data_center_s_epic_link_names_an_epic_by_key_only_on_a_standard_issue_and_cloud_refuses_it()
    {
        await using var dc = await JiraSandbox.StartAsync(new SandboxOptions { Mode = SandboxMode.DataCenter, User = "demo" });
        dc.SeedIssues(2);
        using var http = Client(dc);
        (await SendAsync(http, "POST", "/rest/api/2/issue", """{"fields":{"project":{"key":"DEMO"},"issuetype":{"name":"Epic"},"summary":"Theme"}}""")).Status.ShouldBe(HttpStatusCode.Created);
        (await SendAsync(http, "POST", "/rest/api/2/issue", """{"fields":{"project":{"key":"DEMO"},"issuetype":{"name":"Subtask"},"summary":"s","parent":{"key":"DEMO-1"}}}""")).Status.ShouldBe(HttpStatusCode.Created);

        (await SendAsync(http, "PUT", "/rest/api/2/issue/DEMO-2", """{"fields":{"customfield_10014":"DEMO-3"}}""")).Status.ShouldBe(HttpStatusCode.NoContent);
        var linked = (await SendAsync(http, "GET", "/rest/api/2/issue/DEMO-2?fields=customfield_10014,parent")).Body!["fields"]!;
        linked["customfield_10014"]!.GetValue<string>().ShouldBe("DEMO-3");
        linked["parent"].ShouldBeNull();
        var history = (await SendAsync(http, "GET", "/rest/api/2/issue/DEMO-2?expand=changelog")).Body!["changelog"]!["histories"]!.AsArray();
        history.SelectMany(h => h!["items"]!.AsArray()).ShouldContain(i => i!["field"]!.GetValue<string>() == "Epic Link");

        var (notEpic, notEpicError) = await SendAsync(http, "PUT", "/rest/api/2/issue/DEMO-2", """{"fields":{"customfield_10014":"DEMO-1"}}""");
        notEpic.ShouldBe(HttpStatusCode.BadRequest);
        notEpicError!["errors"]!["customfield_10014"]!.GetValue<string>().ShouldBe("Issue 'DEMO-1' is not an Epic.");
        var (subtask, subtaskError) = await SendAsync(http, "PUT", "/rest/api/2/issue/DEMO-4", """{"fields":{"customfield_10014":"DEMO-3"}}""");
        subtask.ShouldBe(HttpStatusCode.BadRequest);
        subtaskError!["errors"]!["customfield_10014"]!.GetValue<string>().ShouldContain("only be set on a standard issue");
        (await SendAsync(http, "PUT", "/rest/api/2/issue/DEMO-2", """{"fields":{"customfield_10014":null}}""")).Status.ShouldBe(HttpStatusCode.NoContent);
        (await SendAsync(http, "GET", "/rest/api/2/issue/DEMO-2?fields=customfield_10014")).Body!["fields"]!["customfield_10014"].ShouldBeNull();

        await using var cloud = await JiraSandbox.StartAsync(new SandboxOptions());
        cloud.SeedIssues(1);
        using var cloudHttp = Client(cloud);
        var (refused, refusal) = await SendAsync(cloudHttp, "PUT", "/rest/api/3/issue/DEMO-1", """{"fields":{"customfield_10014":"DEMO-1"}}""");
        refused.ShouldBe(HttpStatusCode.BadRequest);
        refusal!["errors"]!["customfield_10014"]!.GetValue<string>().ShouldContain("cannot be set");
    }
}
