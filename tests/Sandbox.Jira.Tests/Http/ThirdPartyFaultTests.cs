using System.Net;
using static Sandbox.Jira.Tests.Http.SandboxHttp;

namespace Sandbox.Jira.Tests.Http;

/// <summary>Issue 21: what third-party clients (jira.js, jira-client) found wrong in the sandbox, each fixed as Jira does it.</summary>
public class ThirdPartyFaultTests
{
    /// <summary>Start Progress, Request Review, then Approve with <paramref name="resolution"/> (the default workflow's
    /// one way to Done, whose screen requires a resolution).</summary>
    private static async Task ResolveAsync(HttpClient http, string key, string resolution)
    {
        foreach (var id in new[] { "11", "31" })
            (await SendAsync(http, "POST", $"/rest/api/3/issue/{key}/transitions", "{\"transition\":{\"id\":\"" + id + "\"}}")).Status.ShouldBe(HttpStatusCode.NoContent);
        var approve = "{\"transition\":{\"id\":\"51\"},\"fields\":{\"resolution\":{\"name\":\"" + resolution + "\"}}}";
        (await SendAsync(http, "POST", $"/rest/api/3/issue/{key}/transitions", approve)).Status.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Resolutions_are_kept_as_chosen_listed_at_their_endpoints_and_matched_by_jql_with_unresolved()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new SandboxOptions());
        sandbox.SeedIssues(3);
        using var http = Client(sandbox);
        await ResolveAsync(http, "DEMO-1", "Won't Do");
        await ResolveAsync(http, "DEMO-2", "Done");

        var resolution = (await SendAsync(http, "GET", "/rest/api/3/issue/DEMO-1?fields=resolution")).Body!["fields"]!["resolution"]!;
        resolution["name"]!.GetValue<string>().ShouldBe("Won't Do");
        var self = new Uri(resolution["self"]!.GetValue<string>()).PathAndQuery;
        (await SendAsync(http, "GET", self)).Body!["name"]!.GetValue<string>().ShouldBe("Won't Do");
        (await SendAsync(http, "GET", "/rest/api/3/resolution")).Body!.AsArray().Count.ShouldBe(4);
        (await SendAsync(http, "GET", "/rest/api/3/resolution/search?maxResults=2")).Body!["isLast"]!.GetValue<bool>().ShouldBeFalse();

        async Task<string[]> KeysAsync(string jql) =>
            [.. (await SendAsync(http, "POST", "/rest/api/3/search/jql", $$"""{"jql":"{{jql}} ORDER BY key","fields":["key"]}""")).Body!["issues"]!.AsArray().Select(i => i!["key"]!.GetValue<string>())];
        (await KeysAsync("resolution = Unresolved")).ShouldBe(["DEMO-3"]);
        (await KeysAsync("resolution IS EMPTY")).ShouldBe(["DEMO-3"]);
        (await KeysAsync("resolution = \\\"Won't Do\\\"")).ShouldBe(["DEMO-1"]);
        (await KeysAsync("resolution = Done")).ShouldBe(["DEMO-2"]);
        (await KeysAsync("resolution = Duplicate")).ShouldBeEmpty();
        (await KeysAsync("resolution != Unresolved")).ShouldBe(["DEMO-1", "DEMO-2"]);
        var (status, error) = await SendAsync(http, "POST", "/rest/api/3/search/jql", """{"jql":"resolution = Banana","fields":["key"]}""");
        status.ShouldBe(HttpStatusCode.BadRequest);
        error!["errorMessages"]![0]!.GetValue<string>().ShouldBe("The value 'Banana' does not exist for the field 'resolution'.");
    }

    [Fact]
    public async Task Search_without_fields_gives_ids_only_and_properties_and_transitions_come_when_asked()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new SandboxOptions());
        sandbox.SeedIssues(1);
        using var http = Client(sandbox);
        (await SendAsync(http, "PUT", "/rest/api/3/issue/DEMO-1/properties/team", """{"name":"core"}""")).Status.ShouldBe(HttpStatusCode.Created);

        var ids = (await SendAsync(http, "POST", "/rest/api/3/search/jql", """{"jql":"project = DEMO"}""")).Body!["issues"]![0]!.AsObject();
        ids.Select(p => p.Key).ShouldBe(["id"]);
        var withProperties = (await SendAsync(http, "POST", "/rest/api/3/search/jql", """{"jql":"project = DEMO","fields":["summary"],"properties":["team"]}""")).Body!["issues"]![0]!;
        withProperties["properties"]!["team"]!["name"]!.GetValue<string>().ShouldBe("core");

        var issue = (await SendAsync(http, "GET", "/rest/api/3/issue/DEMO-1?fields=summary&expand=transitions&properties=*all")).Body!;
        issue["transitions"]!.AsArray().Count.ShouldBeGreaterThan(0);
        issue["properties"]!["team"]!["name"]!.GetValue<string>().ShouldBe("core");
        (await SendAsync(http, "GET", "/rest/api/3/issue/DEMO-1?fields=summary")).Body!.AsObject().ContainsKey("properties").ShouldBeFalse();
    }

    [Theory]
    [InlineData(SandboxMode.Cloud, "/rest/api/3/issuetype")]
    [InlineData(SandboxMode.Cloud, "/rest/api/3/priority/search")]
    [InlineData(SandboxMode.DataCenter, "/rest/api/2/issuetype")]
    [InlineData(SandboxMode.DataCenter, "/rest/api/2/resolution")]
    public async Task Metadata_lists_common_clients_call_are_served(SandboxMode mode, string path)
    {
        await using var sandbox = await JiraSandbox.StartAsync(new SandboxOptions { Mode = mode, User = mode == SandboxMode.Cloud ? "demo@example.com" : "demo" });
        using var http = mode == SandboxMode.Cloud ? Client(sandbox) : Client(sandbox, "Bearer");
        var (status, body) = await SendAsync(http, "GET", path);
        status.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
        (body is System.Text.Json.Nodes.JsonArray list ? list.Count : body!["values"]!.AsArray().Count).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_project_that_is_not_writable_says_so_in_my_permissions()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new SandboxOptions());
        sandbox.State.Write(data => data.Projects[0].Writable = false);
        using var http = Client(sandbox);
        var permissions = (await SendAsync(http, "GET", "/rest/api/3/mypermissions?projectKey=DEMO&permissions=BROWSE_PROJECTS,CREATE_ISSUES,EDIT_ISSUES")).Body!["permissions"]!;
        permissions["BROWSE_PROJECTS"]!["havePermission"]!.GetValue<bool>().ShouldBeTrue();
        permissions["CREATE_ISSUES"]!["havePermission"]!.GetValue<bool>().ShouldBeFalse();
        permissions["EDIT_ISSUES"]!["havePermission"]!.GetValue<bool>().ShouldBeFalse();
    }
}
