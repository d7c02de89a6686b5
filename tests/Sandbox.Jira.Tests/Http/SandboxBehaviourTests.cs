using System.Net;
using System.Text;
using Sandbox.Jira.Faults;
using static Sandbox.Jira.Tests.Http.SandboxHttp;

namespace Sandbox.Jira.Tests.Http;

public class SandboxBehaviourTests
{
    [Fact]
    public async Task Wrong_credentials_get_401_with_jiras_body_and_a_challenge()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new SandboxOptions());
        using var http = Client(sandbox, credentials: Convert.ToBase64String(Encoding.UTF8.GetBytes("demo@example.com:nope")));
        using var response = await http.GetAsync(new Uri("/rest/api/3/myself", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldContain("Basic");
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"errorMessages":["Client must be authenticated to access this resource."],"errors":{}}""");
    }

    [Fact]
    public async Task A_rejected_edit_changes_nothing_as_in_jira()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new SandboxOptions());
        sandbox.SeedIssues(1);
        using var http = Client(sandbox);
        var (before, issue) = await SendAsync(http, "GET", "/rest/api/3/issue/DEMO-1?fields=summary,labels,updated");
        before.ShouldBe(HttpStatusCode.OK);
        var (status, error) = await SendAsync(http, "PUT", "/rest/api/3/issue/DEMO-1", """{"fields":{"summary":"Changed","labels":["needs review"]}}""");
        status.ShouldBe(HttpStatusCode.BadRequest);
        error!["errors"]!["labels"]!.GetValue<string>().ShouldContain("needs review");
        var (_, after) = await SendAsync(http, "GET", "/rest/api/3/issue/DEMO-1?fields=summary,labels,updated&expand=changelog");
        after!["fields"]!["summary"]!.GetValue<string>().ShouldBe(issue!["fields"]!["summary"]!.GetValue<string>());
        after["fields"]!["updated"]!.GetValue<string>().ShouldBe(issue["fields"]!["updated"]!.GetValue<string>());
        (await SendAsync(http, "PUT", "/rest/api/3/issue/DEMO-1", """{"fields":{"summary":"Changed"}}""")).Status.ShouldBe(HttpStatusCode.NoContent);
        (await SendAsync(http, "GET", "/rest/api/3/issue/DEMO-1?fields=summary")).Body!["fields"]!["summary"]!.GetValue<string>().ShouldBe("Changed");
    }

    [Fact]
    public async Task Data_center_takes_a_bearer_token_serves_only_v2_and_pages_by_offset()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new SandboxOptions { Mode = SandboxMode.DataCenter, User = "jdoe", Token = "pat" });
        sandbox.SeedIssues(7);
        using var http = Client(sandbox, "Bearer");
        var (status, page) = await SendAsync(http, "GET", "/rest/api/2/search?jql=project%3DDEMO&startAt=5&maxResults=5");
        status.ShouldBe(HttpStatusCode.OK);
        page!["total"]!.GetValue<int>().ShouldBe(7);
        page["issues"]!.AsArray().Count.ShouldBe(2);
        page["issues"]![0]!["fields"]!["assignee"]!["name"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        (await SendAsync(http, "GET", "/rest/api/3/myself")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(http, "GET", "/rest/api/2/search/jql?jql=project%3DDEMO")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Cloud_stores_adf_and_shows_wiki_markup_on_v2()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new SandboxOptions());
        using var http = Client(sandbox);
        var (status, created) = await SendAsync(http, "POST", "/rest/api/2/issue",
            """{"fields":{"project":{"key":"DEMO"},"issuetype":{"name":"Task"},"summary":"S","description":"h2. Plan\n\n* one\n* *two*"}}""");
        status.ShouldBe(HttpStatusCode.Created);
        var key = created!["key"]!.GetValue<string>();
        var v3 = (await SendAsync(http, "GET", $"/rest/api/3/issue/{key}?fields=description")).Body!;
        v3["fields"]!["description"]!["content"]![0]!["type"]!.GetValue<string>().ShouldBe("heading");
        var v2 = (await SendAsync(http, "GET", $"/rest/api/2/issue/{key}?fields=description")).Body!;
        v2["fields"]!["description"]!.GetValue<string>().ShouldBe("h2. Plan\n\n* one\n* *two*");
    }

    [Fact]
    public async Task V3_refuses_a_plain_string_description_and_invalid_adf()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new SandboxOptions());
        using var http = Client(sandbox);
        var (status, body) = await SendAsync(http, "POST", "/rest/api/3/issue",
            """{"fields":{"project":{"key":"DEMO"},"issuetype":{"name":"Task"},"summary":"S","description":"plain"}}""");
        status.ShouldBe(HttpStatusCode.BadRequest);
        body!["errors"]!["description"]!.GetValue<string>().ShouldContain("Atlassian Document");
        (status, body) = await SendAsync(http, "POST", "/rest/api/3/issue",
            """{"fields":{"project":{"key":"DEMO"},"issuetype":{"name":"Task"},"summary":"S","description":{"type":"doc","version":1,"content":[{"type":"taskList","attrs":{"localId":""},"content":[{"type":"taskItem","attrs":{"localId":"","state":"TODO"},"content":[{"type":"paragraph","content":[]}]}]}]}}}""");
        status.ShouldBe(HttpStatusCode.BadRequest);
        body!["errors"]!["description"]!.GetValue<string>().ShouldContain("taskItem");
    }

    [Fact]
    public async Task Edit_validation_names_every_bad_field_at_once()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new SandboxOptions());
        sandbox.SeedIssues(1);
        using var http = Client(sandbox);
        var (status, body) = await SendAsync(http, "PUT", "/rest/api/3/issue/DEMO-1",
            """{"fields":{"summary":"","labels":["has space"],"status":{"name":"Done"},"priority":{"name":"Urgent"}}}""");
        status.ShouldBe(HttpStatusCode.BadRequest);
        var errors = body!["errors"]!.AsObject();
        errors.Select(e => e.Key).Order().ShouldBe(["labels", "priority", "status", "summary"]);
        errors["status"]!.GetValue<string>().ShouldBe("Field 'status' cannot be set. It is not on the appropriate screen, or unknown.");
    }

    [Fact]
    public async Task Search_tokens_are_bound_to_their_query()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new SandboxOptions());
        sandbox.SeedIssues(5);
        using var http = Client(sandbox);
        var first = (await SendAsync(http, "GET", "/rest/api/3/search/jql?jql=project%3DDEMO&maxResults=2&fields=summary")).Body!;
        first["isLast"]!.GetValue<bool>().ShouldBeFalse();
        var token = first["nextPageToken"]!.GetValue<string>();
        var (status, body) = await SendAsync(http, "GET", $"/rest/api/3/search/jql?jql=project%3DDEMO%20AND%20labels%3Dseed0&maxResults=2&fields=summary&nextPageToken={Uri.EscapeDataString(token)}");
        status.ShouldBe(HttpStatusCode.BadRequest);
        body!["errorMessages"]![0]!.GetValue<string>().ShouldContain("next page token");
    }

    [Fact]
    public async Task Search_without_fields_returns_ids_only_as_cloud_does()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new SandboxOptions());
        sandbox.SeedIssues(1);
        using var http = Client(sandbox);
        var page = (await SendAsync(http, "GET", "/rest/api/3/search/jql?jql=project%3DDEMO")).Body!;
        page["issues"]![0]!.AsObject().Select(p => p.Key).ShouldBe(["id"]);
    }

    [Fact]
    public async Task Index_lag_hides_fresh_writes_unless_reconciled()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new SandboxOptions());
        sandbox.Faults.Plan = new FaultPlan { IndexLag = TimeSpan.FromMinutes(1) };
        using var http = Client(sandbox);
        var created = (await SendAsync(http, "POST", "/rest/api/3/issue", """{"fields":{"project":{"key":"DEMO"},"issuetype":{"name":"Task"},"summary":"fresh"}}""")).Body!;
        var id = created["id"]!.GetValue<string>();
        (await SendAsync(http, "POST", "/rest/api/3/search/jql", """{"jql":"project = DEMO","fields":["summary"]}""")).Body!["issues"]!.AsArray().Count.ShouldBe(0);
        var reconciled = (await SendAsync(http, "POST", "/rest/api/3/search/jql", $$"""{"jql":"project = DEMO","fields":["summary"],"reconcileIssues":[{{id}}]}""")).Body!;
        reconciled["issues"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_burst_limit_answers_429_with_rate_limit_headers()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new SandboxOptions());
        sandbox.Faults.Plan = new FaultPlan { RateLimitPerWindow = 3, RateLimitWindow = TimeSpan.FromMinutes(1), RetryAfterSeconds = 7 };
        using var http = Client(sandbox);
        for (var i = 0; i < 3; i++) (await http.GetAsync(new Uri("/rest/api/3/myself", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var limited = await http.GetAsync(new Uri("/rest/api/3/myself", UriKind.Relative));
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(7));
        limited.Headers.GetValues("X-RateLimit-Remaining").Single().ShouldBe("0");
        limited.Headers.GetValues("X-RateLimit-Reset").Single().ShouldMatch(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$");
        sandbox.Counters.For("GET /rest/api/3/myself").ShouldBe(4);
    }

    [Fact]
    public async Task State_persisted_to_a_file_survives_a_restart()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sandbox-{Guid.NewGuid():N}.json");
        try
        {
            await using (var first = await JiraSandbox.StartAsync(new SandboxOptions { DataFile = file }))
            {
                using var http = Client(first);
                (await SendAsync(http, "POST", "/rest/api/3/issue", """{"fields":{"project":{"key":"DEMO"},"issuetype":{"name":"Task"},"summary":"kept"}}""")).Status.ShouldBe(HttpStatusCode.Created);
            }
            await using var second = await JiraSandbox.StartAsync(new SandboxOptions { DataFile = file });
            using var again = Client(second);
            var issue = (await SendAsync(again, "GET", "/rest/api/3/issue/DEMO-1?fields=summary")).Body!;
            issue["fields"]!["summary"]!.GetValue<string>().ShouldBe("kept");
            var next = (await SendAsync(again, "POST", "/rest/api/3/issue", """{"fields":{"project":{"key":"DEMO"},"issuetype":{"name":"Task"},"summary":"next"}}""")).Body!;
            next["key"]!.GetValue<string>().ShouldBe("DEMO-2");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Timestamps_carry_the_users_offset_without_a_colon()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new SandboxOptions { TimeZone = "Asia/Kolkata" });
        sandbox.SeedIssues(1);
        using var http = Client(sandbox);
        var issue = (await SendAsync(http, "GET", "/rest/api/3/issue/DEMO-1?fields=updated")).Body!;
        issue["fields"]!["updated"]!.GetValue<string>().ShouldMatch(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0530$");
    }

    [Fact]
    public async Task Each_issue_type_can_have_its_own_workflow()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new SandboxOptions());
        sandbox.State.Write(data => data.Projects[0].IssueTypeWorkflows["10002"] = new Model.Workflow(
            "20000",
            [new("20000", "Open", "new"), new("20001", "Closed", "done")],
            [new("71", "Close", [], "20001", [], [])]));
        using var http = Client(sandbox);
        var bug = (await SendAsync(http, "POST", "/rest/api/3/issue", """{"fields":{"project":{"key":"DEMO"},"issuetype":{"name":"Bug"},"summary":"b"}}""")).Body!;
        var task = (await SendAsync(http, "POST", "/rest/api/3/issue", """{"fields":{"project":{"key":"DEMO"},"issuetype":{"name":"Task"},"summary":"t"}}""")).Body!;
        var bugTransitions = (await SendAsync(http, "GET", $"/rest/api/3/issue/{bug["key"]}/transitions")).Body!["transitions"]!.AsArray();
        bugTransitions.Select(t => t!["to"]!["name"]!.GetValue<string>()).ShouldBe(["Closed"]);
        bugTransitions[0]!["isGlobal"]!.GetValue<bool>().ShouldBeTrue();
        var taskTransitions = (await SendAsync(http, "GET", $"/rest/api/3/issue/{task["key"]}/transitions")).Body!["transitions"]!.AsArray();
        taskTransitions.Select(t => t!["to"]!["name"]!.GetValue<string>()).ShouldBe(["In Progress"]);
        (await SendAsync(http, "GET", $"/rest/api/3/search/jql?jql=status%20%3D%20Open&fields=status")).Body!["issues"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_remote_link_added_or_deleted_is_in_the_history_and_moves_updated()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new SandboxOptions());
        sandbox.SeedIssues(1);
        using var http = Client(sandbox);
        var before = sandbox.State.Read(d => d.Issues[0].Updated);
        await Task.Delay(20);

        var (created, identifies) = await SendAsync(http, "POST", "/rest/api/3/issue/DEMO-1/remotelink", """{"object":{"url":"https://wiki.example.com","title":"Wiki"}}""");
        created.ShouldBe(HttpStatusCode.Created);
        var id = identifies!["id"]!.GetValue<long>();
        sandbox.State.Read(d => d.Issues[0].Updated).ShouldBeGreaterThan(before);
        (await SendAsync(http, "GET", $"/rest/api/3/issue/DEMO-1/remotelink/{id}")).Body!["object"]!["title"]!.GetValue<string>().ShouldBe("Wiki");
        (await SendAsync(http, "DELETE", $"/rest/api/3/issue/DEMO-1/remotelink/{id}")).Status.ShouldBe(HttpStatusCode.NoContent);
        (await SendAsync(http, "DELETE", $"/rest/api/3/issue/DEMO-1/remotelink/{id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(http, "DELETE", "/rest/api/3/issue/DEMO-1/remotelink?globalId=none")).Status.ShouldBe(HttpStatusCode.NotFound);

        var histories = (await SendAsync(http, "GET", "/rest/api/3/issue/DEMO-1/changelog")).Body!["values"]!.AsArray();
        var items = histories.SelectMany(h => h!["items"]!.AsArray()).Where(i => i!["field"]!.GetValue<string>() == "RemoteIssueLink").ToList();
        items.Count.ShouldBe(2);
        items[0]!["toString"]!.GetValue<string>().ShouldBe("This issue links to \"Wiki (Web Link)\"");
        items[1]!["fromString"]!.GetValue<string>().ShouldBe("This issue links to \"Wiki (Web Link)\"");
    }
}
