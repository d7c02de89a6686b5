using System.Text.Json.Nodes;
using Sandbox.Nulab;

namespace BacklogMcp.Tests;

/// <summary>The Nulab sandbox answers as the API v2 is documented (docs/reference/nulab-backlog.md §2): raw HTTP, no client of ours.</summary>
public sealed class SandboxContractTests : IAsyncLifetime, IDisposable
{
    private NulabSandbox _sandbox = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _sandbox = await NulabSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    public void Dispose() => _http.Dispose();

    private async Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> GetAsync(string pathAndQuery)
    {
        var response = await _http.GetAsync(new Uri(_sandbox.BaseUrl, pathAndQuery));
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length > 0 && text[0] is '{' or '[' ? JsonNode.Parse(text) : null, response);
    }

    [Fact]
    public async Task Array_parameters_work_with_literal_and_encoded_brackets_and_bare_names_are_ignored()
    {
        var (_, literal, _) = await GetAsync("/api/v2/issues?apiKey=sandbox-api-key&projectId[]=11&count=100");
        var (_, encoded, _) = await GetAsync("/api/v2/issues?apiKey=sandbox-api-key&projectId%5B%5D=11&count=100");
        var (_, bare, _) = await GetAsync("/api/v2/issues?apiKey=sandbox-api-key&projectId=11&count=100");
        literal!.AsArray().Count.ShouldBe(80);
        encoded!.ToJsonString().ShouldBe(literal.ToJsonString());
        bare!.AsArray().Select(i => (int)i!["projectId"]!).Distinct().Count().ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task Errors_use_nulabs_body_and_codes()
    {
        var (status, body, _) = await GetAsync("/api/v2/issues?apiKey=sandbox-api-key&count=0");
        status.ShouldBe(400);
        ((int)body!["errors"]![0]!["code"]!).ShouldBe(7);
        (status, body, _) = await GetAsync("/api/v2/projects/NOPE?apiKey=sandbox-api-key");
        status.ShouldBe(404);
        body!.ToJsonString().ShouldBe("""{"errors":[{"message":"No project.","code":6,"moreInfo":""}]}""");
        (status, body, _) = await GetAsync("/api/v2/projects?apiKey=wrong");
        status.ShouldBe(401);
        ((int)body!["errors"]![0]!["code"]!).ShouldBe(11);
        (status, _, _) = await GetAsync("/api/v2/nothing-here?apiKey=sandbox-api-key");
        status.ShouldBe(404);
    }

    [Fact]
    public async Task Rate_limit_headers_come_with_every_answer_and_an_exhausted_category_answers_429()
    {
        await using var strict = await NulabSandbox.StartAsync(new NulabSandboxOptions { ReadLimit = 2 });
        using var http = new HttpClient();
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++) answers.Add(await http.GetAsync(new Uri(strict.BaseUrl, "/api/v2/priorities?apiKey=sandbox-api-key")));
        answers.Select(a => (int)a.StatusCode).ShouldBe([200, 200, 429]);
        answers.Select(a => a.Headers.GetValues("X-RateLimit-Remaining").Single()).ShouldBe(["1", "0", "0"]);
        var reset = long.Parse(answers[2].Headers.GetValues("X-RateLimit-Reset").Single(), System.Globalization.CultureInfo.InvariantCulture);
        reset.ShouldBeGreaterThan(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() - 1);
        JsonNode.Parse(await answers[2].Content.ReadAsStringAsync())!["errors"]![0]!["code"]!.GetValue<int>().ShouldBe(13);
        // Searches have their own category.
        (await http.GetAsync(new Uri(strict.BaseUrl, "/api/v2/issues?apiKey=sandbox-api-key"))).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task Comment_windows_are_inclusive_and_counts_match()
    {
        var (_, all, _) = await GetAsync("/api/v2/issues/BLG-2/comments?apiKey=sandbox-api-key&count=100&order=asc");
        var ids = all!.AsArray().Select(c => (int)c!["id"]!).ToList();
        var (_, window, _) = await GetAsync($"/api/v2/issues/BLG-2/comments?apiKey=sandbox-api-key&minId={ids[10]}&maxId={ids[12]}&order=asc");
        window!.AsArray().Select(c => (int)c!["id"]!).ShouldBe(ids.Skip(10).Take(3));
        var (_, count, _) = await GetAsync("/api/v2/issues/BLG-2/comments/count?apiKey=sandbox-api-key");
        ((int)count!["count"]!).ShouldBe(130);
        var (_, issues, _) = await GetAsync("/api/v2/issues/count?apiKey=sandbox-api-key");
        ((int)issues!["count"]!).ShouldBe(225);
    }

    [Fact]
    public async Task Downloads_name_files_in_both_header_forms_or_not_at_all()
    {
        var (_, _, quoted) = await GetAsync("/api/v2/issues/BLG-1/attachments/1?apiKey=sandbox-api-key");
        quoted.Content.Headers.ContentType!.MediaType.ShouldBe("application/octet-stream");
        quoted.Content.Headers.ContentDisposition!.FileName.ShouldBe("screenshot.png");
        var (_, _, encoded) = await GetAsync("/api/v2/issues/BLG-1/attachments/4?apiKey=sandbox-api-key");
        encoded.Content.Headers.ContentDisposition!.ToString().ShouldContain("filename*=UTF-8''%E5%A0%B1");
        var (_, _, none) = await GetAsync("/api/v2/issues/BLG-1/attachments/6?apiKey=sandbox-api-key");
        none.Content.Headers.ContentDisposition.ShouldBeNull();
        var (status, body, _) = await GetAsync("/api/v2/issues/BLG-1/attachments/5?apiKey=sandbox-api-key");
        status.ShouldBe(404);
        ((string)body!["errors"]![0]!["message"]!).ShouldBe("No attachment.");
    }

    [Fact]
    public async Task The_backlog_api_key_header_is_accepted_as_backlog_js_sends_it()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_sandbox.BaseUrl, "/api/v2/users/myself"));
        request.Headers.Add("Backlog-API-Key", _sandbox.ApiKey);
        (await _http.SendAsync(request)).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }
}
