using BacklogJira.Testing;
using Sandbox.Nulab;

namespace BacklogMcp.Tests;

/// <summary>What goes wrong on the way to Backlog: a wrong key, a rate-limit storm, a proxy's HTML page, an answer of
/// the wrong shape, a bad configuration. Each is a clear tool error (or a wait) and the key never shows.</summary>
public sealed class ResilienceTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private BacklogMcpProcess Server => fixture.Server;

    [Fact]
    public async Task A_wrong_api_key_is_a_401_that_says_which_setting_to_fix_and_never_shows_the_key()
    {
        using var work = new TempDirectory("backlog-mcp");
        await using var server = await BacklogMcpProcess.StartAsync(fixture.Sandbox, work.Path, apiKey: "wrong-key-123");
        var text = await server.ErrorAsync("backlog_get_projects");
        text.ShouldStartWith("[BACKLOG_HTTP_ERROR] Backlog HTTP 401 from GET ");
        text.ShouldContain("Authentication failure. (Backlog error code 11 AuthenticationError)");
        text.ShouldContain("Check BACKLOG_API_KEY");
        text.ShouldNotContain("wrong-key-123");
        server.Stderr.ShouldNotContain(line => line.Contains("wrong-key-123"));
    }

    [Fact]
    public async Task A_429_storm_is_waited_out_using_the_reset_header()
    {
        fixture.Sandbox.RateLimits.Throttle(3, TimeSpan.FromSeconds(1));
        fixture.Sandbox.Requests.Clear();
        var (_, result) = await Server.OkAsync("backlog_get_priorities");
        result["priorities"]!.AsArray().Count.ShouldBe(3);
        var statuses = fixture.Sandbox.Requests.Snapshot().Select(r => r.Status).ToList();
        statuses.ShouldBe([429, 429, 429, 200]);
    }

    [Fact]
    public async Task A_rate_limit_that_does_not_lift_ends_in_an_error_naming_the_reset_time()
    {
        fixture.Sandbox.RateLimits.Throttle(50, TimeSpan.FromMilliseconds(200));
        try
        {
            var text = await Server.ErrorAsync("backlog_get_priorities");
            text.ShouldContain("Backlog HTTP 429");
            text.ShouldContain("Too many requests");
            text.ShouldContain("the limit resets at");
        }
        finally
        {
            fixture.Sandbox.RateLimits.Throttle(0, TimeSpan.Zero);
        }
    }

    [Fact]
    public async Task A_proxy_html_502_is_retried_for_reads_and_explained_when_it_persists()
    {
        fixture.Sandbox.Faults.HtmlErrorNext(2, 502, "/priorities");
        (await Server.OkAsync("backlog_get_priorities")).Structured["priorities"]!.AsArray().Count.ShouldBe(3);

        fixture.Sandbox.Faults.HtmlErrorNext(3, 502, "/priorities");
        var text = await Server.ErrorAsync("backlog_get_priorities");
        text.ShouldContain("Backlog HTTP 502");
        text.ShouldContain("the answer was text/html, not Backlog's JSON");
        text.ShouldNotContain("<html>");
    }

    [Fact]
    public async Task A_backlog_that_does_not_answer_in_time_is_retried_then_reported_with_the_limit()
    {
        using var work = new TempDirectory("backlog-mcp");
        await using var slow = await NulabSandbox.StartAsync();
        slow.Faults.Delay = TimeSpan.FromSeconds(3);
        await using var server = await BacklogMcpProcess.StartAsync(slow, work.Path, new Dictionary<string, string?> { ["BACKLOG_TIMEOUT_SECONDS"] = "1" });
        var text = await server.ErrorAsync("backlog_get_priorities");
        text.ShouldContain("Backlog did not answer GET ");
        text.ShouldContain("/api/v2/priorities within 1 s");
        slow.Faults.Delay = TimeSpan.Zero;
        (await server.OkAsync("backlog_get_priorities")).Structured["priorities"]!.AsArray().Count.ShouldBe(3);
    }

    [Fact]
    public async Task An_answer_of_the_wrong_shape_is_a_response_error()
    {
        fixture.Sandbox.Faults.MalformedNext(1, "/statuses");
        var text = await Server.ErrorAsync("backlog_get_statuses", new { projectIdOrKey = "BLG" });
        text.ShouldStartWith("[BACKLOG_RESPONSE_ERROR] Expected an array from GET ");
        text.ShouldContain("{\"unexpected\":\"shape\"}");
    }

    [Fact]
    public async Task A_403_carries_backlogs_message()
    {
        fixture.Sandbox.Faults.FailNext(1, 403, "You do not have permission.", "/categories");
        var text = await Server.ErrorAsync("backlog_get_categories", new { projectIdOrKey = "BLG" });
        text.ShouldContain("Backlog HTTP 403");
        text.ShouldContain("You do not have permission. (Backlog error code 5 UnauthorizedOperationError)");
    }

    [Fact]
    public async Task Missing_configuration_fails_at_start_on_stderr_naming_both_variables_and_stdout_stays_empty()
    {
        using var work = new TempDirectory("backlog-mcp");
        var start = new System.Diagnostics.ProcessStartInfo(BacklogMcpProcess.Launch.Command, BacklogMcpProcess.Launch.Arguments)
        {
            WorkingDirectory = work.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.Environment.Remove("BACKLOG_BASE_URL");
        start.Environment.Remove("BACKLOG_API_KEY");
        start.Environment["BACKLOG_BASE_URL"] = "yourspace.backlog.com";
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(1);
        stdout.ShouldBeEmpty();
        stderr.ShouldContain("[CONFIG_ERROR] backlog-mcp cannot start:");
        stderr.ShouldContain("BACKLOG_BASE_URL 'yourspace.backlog.com' is not a space URL");
        stderr.ShouldContain("BACKLOG_API_KEY is not set");
    }

    [Fact]
    public async Task A_dot_env_in_the_working_directory_configures_the_server()
    {
        using var work = new TempDirectory("backlog-mcp");
        File.WriteAllText(Path.Combine(work.Path, ".env"), $"BACKLOG_BASE_URL={fixture.Sandbox.BaseUrl.GetLeftPart(UriPartial.Authority)}\nBACKLOG_API_KEY={fixture.Sandbox.ApiKey}\n");
        await using var sandbox = await NulabSandbox.StartAsync();
        // The environment names another sandbox with a wrong key; BACKLOG_* from the environment win, so clear them.
        await using var server = await BacklogMcpProcess.StartAsync(sandbox, work.Path, new Dictionary<string, string?> { ["BACKLOG_BASE_URL"] = null, ["BACKLOG_API_KEY"] = null });
        (await server.OkAsync("backlog_get_projects")).Structured["projects"]!.AsArray().Count.ShouldBe(3);
        fixture.Sandbox.Requests.Snapshot().ShouldContain(r => r.Path == "/api/v2/projects");
    }
}
