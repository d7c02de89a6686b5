using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Sandbox.Jira.Tests.Contract;

/// <summary>Every endpoint the sandbox serves answers in the shape Atlassian's OpenAPI description gives it.</summary>
public sealed class ContractTests : IClassFixture<ContractTests.Fixture>
{
    private readonly Fixture _fixture;

    public ContractTests(Fixture fixture) => _fixture = fixture;

    public sealed class Fixture : IAsyncLifetime
    {
        public JiraSandbox Sandbox { get; private set; } = null!;
        public HttpClient Http { get; private set; } = null!;
        public OpenApiSchemaValidator Validator { get; } = OpenApiSchemaValidator.Load();

        public async Task InitializeAsync()
        {
            Sandbox = await JiraSandbox.StartAsync(new SandboxOptions { TimeZone = "Europe/Berlin" });
            Sandbox.SeedIssues(3);
            Http = new HttpClient { BaseAddress = Sandbox.BaseUrl };
            Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("demo@example.com:sandbox-token")));
            // History, comments, links and properties on DEMO-1 so their shapes are exercised too.
            await SendAsync("PUT", "/rest/api/3/issue/DEMO-1", """{"fields":{"summary":"Renamed","labels":["x","y"]}}""");
            await SendAsync("POST", "/rest/api/3/issue/DEMO-1/transitions", """{"transition":{"id":"11"}}""");
            await SendAsync("POST", "/rest/api/3/issue/DEMO-1/comment", """{"body":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"hi"}]}]}}""");
            await SendAsync("POST", "/rest/api/3/issue/DEMO-1/remotelink", """{"globalId":"g1","object":{"url":"https://x","title":"x"}}""");
            await SendAsync("POST", "/rest/api/3/issue/DEMO-1/remotelink", """{"globalId":"g2","object":{"url":"https://x2","title":"x2"}}""");
            await SendAsync("POST", "/rest/api/3/issue/DEMO-1/remotelink", """{"object":{"url":"https://x3","title":"x3"}}""");
            await SendAsync("PUT", "/rest/api/3/issue/DEMO-1/properties/backlog-jira", """{"taskId":"task-1"}""");
            await SendAsync("POST", "/rest/api/3/issueLink", """{"type":{"name":"Blocks"},"inwardIssue":{"key":"DEMO-1"},"outwardIssue":{"key":"DEMO-2"}}""");
            await SendAsync("POST", "/rest/api/3/issueLink", """{"type":{"name":"Relates"},"inwardIssue":{"key":"DEMO-2"},"outwardIssue":{"key":"DEMO-3"}}""");
            (await SendAsync("POST", "/rest/api/3/issue", """{"fields":{"project":{"key":"DEMO"},"issuetype":{"name":"Subtask"},"summary":"A sub-task","parent":{"key":"DEMO-1"}}}""")).Status.ShouldBe(201);
        }

        public async Task<(int Status, JsonNode? Body)> SendAsync(string method, string url, string? body = null)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
        }

        public async Task DisposeAsync()
        {
            Http.Dispose();
            await Sandbox.DisposeAsync();
        }
    }

    // name → (method, url, the OpenAPI path, expected status, body)
    private static readonly Dictionary<string, (string Method, string Url, string Path, int Status, string? Body)> Probes = new()
    {
        ["get issue"] = ("GET", "/rest/api/3/issue/DEMO-1?expand=changelog,names", "/rest/api/3/issue/{issueIdOrKey}", 200, null),
        ["get subtask with parent"] = ("GET", "/rest/api/3/issue/DEMO-4", "/rest/api/3/issue/{issueIdOrKey}", 200, null),
        ["create issue"] = ("POST", "/rest/api/3/issue", "/rest/api/3/issue", 201, """{"fields":{"project":{"key":"DEMO"},"issuetype":{"name":"Task"},"summary":"New"}}"""),
        ["search jql get"] = ("GET", "/rest/api/3/search/jql?jql=project%20%3D%20DEMO%20ORDER%20BY%20key&fields=*all&maxResults=2&expand=names", "/rest/api/3/search/jql", 200, null),
        ["search jql post"] = ("POST", "/rest/api/3/search/jql", "/rest/api/3/search/jql", 200, """{"jql":"project = DEMO","fields":["summary","status","assignee"],"maxResults":50}"""),
        ["approximate count"] = ("POST", "/rest/api/3/search/approximate-count", "/rest/api/3/search/approximate-count", 200, """{"jql":"project = DEMO"}"""),
        ["transitions"] = ("GET", "/rest/api/3/issue/DEMO-1/transitions?expand=transitions.fields", "/rest/api/3/issue/{issueIdOrKey}/transitions", 200, null),
        ["comments"] = ("GET", "/rest/api/3/issue/DEMO-1/comment", "/rest/api/3/issue/{issueIdOrKey}/comment", 200, null),
        ["add comment"] = ("POST", "/rest/api/3/issue/DEMO-3/comment", "/rest/api/3/issue/{issueIdOrKey}/comment", 201, """{"body":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"c"}]}]}}"""),
        ["comment by id"] = ("GET", "/rest/api/3/issue/DEMO-1/comment/10000", "/rest/api/3/issue/{issueIdOrKey}/comment/{id}", 200, null),
        ["update comment"] = ("PUT", "/rest/api/3/issue/DEMO-1/comment/10000", "/rest/api/3/issue/{issueIdOrKey}/comment/{id}", 200, """{"body":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"edited"}]}]}}"""),
        ["changelog"] = ("GET", "/rest/api/3/issue/DEMO-1/changelog", "/rest/api/3/issue/{issueIdOrKey}/changelog", 200, null),
        ["upsert remote link"] = ("POST", "/rest/api/3/issue/DEMO-1/remotelink", "/rest/api/3/issue/{issueIdOrKey}/remotelink", 200, """{"globalId":"g1","object":{"url":"https://y","title":"y"}}"""),
        ["remote link by global id"] = ("GET", "/rest/api/3/issue/DEMO-1/remotelink?globalId=g1", "/rest/api/3/issue/{issueIdOrKey}/remotelink", 200, null),
        ["remote link by id"] = ("GET", "/rest/api/3/issue/DEMO-1/remotelink/10000", "/rest/api/3/issue/{issueIdOrKey}/remotelink/{linkId}", 200, null),
        ["delete remote link by global id"] = ("DELETE", "/rest/api/3/issue/DEMO-1/remotelink?globalId=g2", "/rest/api/3/issue/{issueIdOrKey}/remotelink", 204, null),
        ["delete remote link by id"] = ("DELETE", "/rest/api/3/issue/DEMO-1/remotelink/10002", "/rest/api/3/issue/{issueIdOrKey}/remotelink/{linkId}", 204, null),
        ["issue link types"] = ("GET", "/rest/api/3/issueLinkType", "/rest/api/3/issueLinkType", 200, null),
        ["issue link type"] = ("GET", "/rest/api/3/issueLinkType/10000", "/rest/api/3/issueLinkType/{issueLinkTypeId}", 200, null),
        ["create issue link"] = ("POST", "/rest/api/3/issueLink", "/rest/api/3/issueLink", 201, """{"type":{"id":"10002"},"inwardIssue":{"key":"DEMO-3"},"outwardIssue":{"key":"DEMO-1"}}"""),
        ["issue link"] = ("GET", "/rest/api/3/issueLink/10000", "/rest/api/3/issueLink/{linkId}", 200, null),
        ["delete issue link"] = ("DELETE", "/rest/api/3/issueLink/10001", "/rest/api/3/issueLink/{linkId}", 204, null),
        ["issue with its links"] = ("GET", "/rest/api/3/issue/DEMO-2?fields=issuelinks,summary", "/rest/api/3/issue/{issueIdOrKey}", 200, null),
        ["property keys"] = ("GET", "/rest/api/3/issue/DEMO-1/properties", "/rest/api/3/issue/{issueIdOrKey}/properties", 200, null),
        ["property"] = ("GET", "/rest/api/3/issue/DEMO-1/properties/backlog-jira", "/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}", 200, null),
        ["myself"] = ("GET", "/rest/api/3/myself", "/rest/api/3/myself", 200, null),
        ["user"] = ("GET", "/rest/api/3/user?accountId=5b10a2844c20165700ede21a", "/rest/api/3/user", 200, null),
        ["user search"] = ("GET", "/rest/api/3/user/search?query=a", "/rest/api/3/user/search", 200, null),
        ["assignable users"] = ("GET", "/rest/api/3/user/assignable/search?project=DEMO", "/rest/api/3/user/assignable/search", 200, null),
        ["project"] = ("GET", "/rest/api/3/project/DEMO", "/rest/api/3/project/{projectIdOrKey}", 200, null),
        ["projects"] = ("GET", "/rest/api/3/project", "/rest/api/3/project", 200, null),
        ["project search"] = ("GET", "/rest/api/3/project/search", "/rest/api/3/project/search", 200, null),
        ["priorities"] = ("GET", "/rest/api/3/priority", "/rest/api/3/priority", 200, null),
        ["statuses"] = ("GET", "/rest/api/3/status", "/rest/api/3/status", 200, null),
        ["my permissions"] = ("GET", "/rest/api/3/mypermissions?projectKey=DEMO&permissions=BROWSE_PROJECTS,CREATE_ISSUES", "/rest/api/3/mypermissions", 200, null),
        ["project statuses"] = ("GET", "/rest/api/3/project/DEMO/statuses", "/rest/api/3/project/{projectIdOrKey}/statuses", 200, null),
        ["status categories"] = ("GET", "/rest/api/3/statuscategory", "/rest/api/3/statuscategory", 200, null),
        ["fields"] = ("GET", "/rest/api/3/field", "/rest/api/3/field", 200, null),
        ["createmeta issue types"] = ("GET", "/rest/api/3/issue/createmeta/DEMO/issuetypes", "/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes", 200, null),
        ["createmeta fields"] = ("GET", "/rest/api/3/issue/createmeta/DEMO/issuetypes/10001", "/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}", 200, null),
        ["editmeta"] = ("GET", "/rest/api/3/issue/DEMO-1/editmeta", "/rest/api/3/issue/{issueIdOrKey}/editmeta", 200, null),
        ["server info"] = ("GET", "/rest/api/3/serverInfo", "/rest/api/3/serverInfo", 200, null),
        ["get issue with transitions and properties"] = ("GET", "/rest/api/3/issue/DEMO-1?expand=transitions&properties=*all", "/rest/api/3/issue/{issueIdOrKey}", 200, null),
        ["search jql ids only"] = ("POST", "/rest/api/3/search/jql", "/rest/api/3/search/jql", 200, """{"jql":"project = DEMO"}"""),
        ["priority search"] = ("GET", "/rest/api/3/priority/search", "/rest/api/3/priority/search", 200, null),
        ["resolutions"] = ("GET", "/rest/api/3/resolution", "/rest/api/3/resolution", 200, null),
        ["resolution search"] = ("GET", "/rest/api/3/resolution/search", "/rest/api/3/resolution/search", 200, null),
        ["resolution"] = ("GET", "/rest/api/3/resolution/10001", "/rest/api/3/resolution/{id}", 200, null),
        ["issue types"] = ("GET", "/rest/api/3/issuetype", "/rest/api/3/issuetype", 200, null),
        ["issue type"] = ("GET", "/rest/api/3/issuetype/10001", "/rest/api/3/issuetype/{id}", 200, null),
        ["project components"] = ("GET", "/rest/api/3/project/DEMO/components", "/rest/api/3/project/{projectIdOrKey}/components", 200, null),
    };

    public static TheoryData<string> ProbeNames => [.. Probes.Keys];

    [Theory]
    [MemberData(nameof(ProbeNames))]
    public async Task Answers_match_the_openapi_description(string probe)
    {
        var (method, url, path, status, body) = Probes[probe];
        var (actualStatus, json) = await _fixture.SendAsync(method, url, body);
        actualStatus.ShouldBe(status, json?.ToJsonString());
        if (_fixture.Validator.TryResponseSchema(method, path, status) is not { } schema)
        {
            json.ShouldBeNull("the description gives this answer no body");
            return;
        }
        _fixture.Validator.Validate(json, schema).ShouldBeEmpty(json?.ToJsonString());
    }

    [Theory]
    [InlineData("GET", "/rest/api/3/issue/DEMO-404", null, 404)]
    [InlineData("POST", "/rest/api/3/issue", """{"fields":{"project":{"key":"DEMO"},"issuetype":{"name":"Task"}}}""", 400)]
    [InlineData("GET", "/rest/api/3/search/jql?jql=", null, 400)]
    [InlineData("GET", "/rest/api/3/search?jql=project=DEMO", null, 410)]
    [InlineData("POST", "/rest/api/3/issue/DEMO-3/transitions", """{"transition":{"id":"999"}}""", 400)]
    public async Task Errors_are_error_collections(string method, string url, string? body, int status)
    {
        var (actualStatus, json) = await _fixture.SendAsync(method, url, body);
        actualStatus.ShouldBe(status);
        _fixture.Validator.Validate(json, _fixture.Validator.Schema("ErrorCollection")).ShouldBeEmpty(json?.ToJsonString());
        (json!["errorMessages"]!.AsArray().Count + json["errors"]!.AsObject().Count).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_validator_itself_rejects_a_wrong_shape()
    {
        var schema = _fixture.Validator.ResponseSchema("GET", "/rest/api/3/myself", 200);
        var wrong = JsonNode.Parse("""{"accountId":42,"notAField":true}""");
        var errors = _fixture.Validator.Validate(wrong, schema);
        errors.ShouldContain(e => e.Contains("expected string"));
        errors.ShouldContain(e => e.Contains("notAField"));
        await Task.CompletedTask;
    }
}
