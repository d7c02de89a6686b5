using System.Net;
using static Sandbox.Jira.Tests.Http.SandboxHttp;

namespace Sandbox.Jira.Tests.Http;

/// <summary>Issue 17: Jira Software's Agile API as raw HTTP sees it (docs/reference/jira.md §11): a project's scrum board,
/// its sprints by state, a sprint's life (future → active → closed), moving issues into an open sprint or back to the
/// backlog with a Sprint change in the history, closed sprints kept on the issue and refusing new issues, the Sprint
/// field in Cloud's object form and Data Center's string form, and JQL over sprints.</summary>
public class AgileTests
{
    [Fact]
    public async Task A_sprint_takes_issues_while_open_keeps_them_when_closed_and_jql_finds_them()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new SandboxOptions());
        sandbox.SeedIssues(3);
        using var http = Client(sandbox);

        var boards = (await SendAsync(http, "GET", "/rest/agile/1.0/board?projectKeyOrId=DEMO&type=scrum")).Body!;
        boards["values"]!.AsArray().Select(b => b!["id"]!.GetValue<long>()).ShouldBe([1L]);
        boards["values"]![0]!["location"]!["projectKey"]!.GetValue<string>().ShouldBe("DEMO");
        (await SendAsync(http, "GET", "/rest/agile/1.0/board/9")).Status.ShouldBe(HttpStatusCode.NotFound);

        var (created, sprint) = await SendAsync(http, "POST", "/rest/agile/1.0/sprint", """{"name":"Sprint 1","originBoardId":1}""");
        created.ShouldBe(HttpStatusCode.Created);
        sprint!["state"]!.GetValue<string>().ShouldBe("future");
        (await SendAsync(http, "POST", "/rest/agile/1.0/sprint", """{"name":"Sprint 2","originBoardId":1}""")).Status.ShouldBe(HttpStatusCode.Created);

        (await SendAsync(http, "POST", "/rest/agile/1.0/sprint/1/issue", """{"issues":["DEMO-1","DEMO-2"]}""")).Status.ShouldBe(HttpStatusCode.NoContent);
        var field = (await SendAsync(http, "GET", "/rest/api/3/issue/DEMO-1?fields=customfield_10010")).Body!["fields"]!["customfield_10010"]!.AsArray();
        (field[0]!["id"]!.GetValue<long>(), field[0]!["name"]!.GetValue<string>(), field[0]!["state"]!.GetValue<string>()).ShouldBe((1L, "Sprint 1", "future"));
        var history = (await SendAsync(http, "GET", "/rest/api/3/issue/DEMO-1?expand=changelog")).Body!["changelog"]!["histories"]!.AsArray();
        history.SelectMany(h => h!["items"]!.AsArray()).ShouldContain(i => i!["field"]!.GetValue<string>() == "Sprint" && i["toString"]!.GetValue<string>() == "Sprint 1");

        async Task<string[]> Keys(string jql) => [.. (await SendAsync(http, "GET", $"/rest/api/3/search/jql?fields=key&jql={Uri.EscapeDataString(jql)}")).Body!["issues"]!.AsArray()
            .Select(i => i!["key"]!.GetValue<string>()).Order()];
        (await Keys("sprint in openSprints()")).ShouldBe(["DEMO-1", "DEMO-2"]);
        (await Keys("sprint = \"Sprint 1\" AND key = DEMO-2")).ShouldBe(["DEMO-2"]);
        (await Keys("sprint is EMPTY")).ShouldBe(["DEMO-3"]);
        (await SendAsync(http, "GET", $"/rest/api/3/search/jql?jql={Uri.EscapeDataString("sprint = Nope")}")).Status.ShouldBe(HttpStatusCode.BadRequest);

        // A sprint starts only with dates, then closes; it takes no issue once closed, and its issues keep it.
        (await SendAsync(http, "POST", "/rest/agile/1.0/sprint/1", """{"state":"active"}""")).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await SendAsync(http, "POST", "/rest/agile/1.0/sprint/1", """{"state":"active","startDate":"2026-11-02T09:00:00.000Z","endDate":"2026-11-16T09:00:00.000Z"}""")).Status.ShouldBe(HttpStatusCode.OK);
        (await SendAsync(http, "POST", "/rest/agile/1.0/sprint/1", """{"state":"closed"}""")).Body!["state"]!.GetValue<string>().ShouldBe("closed");
        var (refused, refusal) = await SendAsync(http, "POST", "/rest/agile/1.0/sprint/1/issue", """{"issues":["DEMO-3"]}""");
        refused.ShouldBe(HttpStatusCode.BadRequest);
        refusal!["errorMessages"]![0]!.GetValue<string>().ShouldContain("future or active sprint");

        // DEMO-2 goes on to Sprint 2 (Sprint 1 stays on it), then back to the backlog (Sprint 1 still stays).
        (await SendAsync(http, "POST", "/rest/agile/1.0/sprint/2/issue", """{"issues":["DEMO-2"]}""")).Status.ShouldBe(HttpStatusCode.NoContent);
        (await SendAsync(http, "GET", "/rest/api/3/issue/DEMO-2?fields=customfield_10010")).Body!["fields"]!["customfield_10010"]!.AsArray()
            .Select(s => s!["name"]!.GetValue<string>()).ShouldBe(["Sprint 1", "Sprint 2"]);
        (await SendAsync(http, "POST", "/rest/agile/1.0/backlog/issue", """{"issues":["DEMO-2"]}""")).Status.ShouldBe(HttpStatusCode.NoContent);
        (await SendAsync(http, "GET", "/rest/api/3/issue/DEMO-2?fields=customfield_10010")).Body!["fields"]!["customfield_10010"]!.AsArray()
            .Select(s => s!["name"]!.GetValue<string>()).ShouldBe(["Sprint 1"]);
        (await Keys("sprint in closedSprints()")).ShouldBe(["DEMO-1", "DEMO-2"]);
        (await SendAsync(http, "GET", "/rest/agile/1.0/board/1/sprint?state=future,active")).Body!["values"]!.AsArray()
            .Select(s => s!["name"]!.GetValue<string>()).ShouldBe(["Sprint 2"]);
    }

    [Fact]
    public async Task Data_center_shows_the_sprint_field_in_its_string_form_and_an_edit_can_set_the_sprint_by_id()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new SandboxOptions { Mode = SandboxMode.DataCenter, User = "demo" });
        sandbox.SeedIssues(1);
        using var http = Client(sandbox);
        (await SendAsync(http, "POST", "/rest/agile/1.0/sprint", """{"name":"Sprint, the first","originBoardId":1}""")).Status.ShouldBe(HttpStatusCode.Created);

        (await SendAsync(http, "PUT", "/rest/api/2/issue/DEMO-1", """{"fields":{"customfield_10010":1}}""")).Status.ShouldBe(HttpStatusCode.NoContent);
        var value = (await SendAsync(http, "GET", "/rest/api/2/issue/DEMO-1?fields=customfield_10010")).Body!["fields"]!["customfield_10010"]![0]!.GetValue<string>();
        value.ShouldStartWith("com.atlassian.greenhopper.service.sprint.Sprint@");
        value.ShouldContain("[id=1,rapidViewId=1,state=FUTURE,name=Sprint, the first,");

        var (refused, refusal) = await SendAsync(http, "PUT", "/rest/api/2/issue/DEMO-1", """{"fields":{"customfield_10010":42}}""");
        refused.ShouldBe(HttpStatusCode.BadRequest);
        refusal!["errors"]!["customfield_10010"]!.GetValue<string>().ShouldBe("Sprint with id 42 does not exist.");
    }
}
