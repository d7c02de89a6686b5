using System.Collections;
using BacklogJira.Core.Ports;
using BacklogJira.Jira.Errors;
using BacklogJira.Jira.Mcp;
using BacklogJira.Testing;

namespace BacklogJira.Jira.Tests.Mcp;

/// <summary>Each way an MCP server can fail, injected into sandbox-jira-mcp, gives a clear typed error.</summary>
public sealed class McpFailureTests
{
    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task A_server_that_exits_at_start_is_reported_with_its_own_words_and_no_secret()
    {
        await using var jira = await SandboxJira.StartAsync();
        await using var client = SandboxMcp.Client(jira, "fail-start");
        var error = await Should.ThrowAsync<JiraUnavailableException>(() => client.GetIssueAsync("DEMO-1", None));
        error.Message.ShouldContain("did not start");
        error.Message.ShouldContain("Cloud authentication requires JIRA_USERNAME");
        error.Message.ShouldNotContain(jira.Sandbox.Options.Token);
    }

    [Fact]
    public async Task A_command_that_does_not_exist_is_reported_with_the_command()
    {
        await using var jira = await SandboxJira.StartAsync();
        await using var client = new McpJiraClient(jira.Settings(), new McpJiraOptions { Launch = new McpServerLaunch { Command = "/nonexistent/mcp-atlassian" } });
        var error = await Should.ThrowAsync<JiraUnavailableException>(() => client.GetIssueAsync("DEMO-1", None));
        error.Message.ShouldContain("/nonexistent/mcp-atlassian");
        error.Message.ShouldContain("mcp.command");
    }

    [Fact]
    public async Task A_missing_tool_is_named_before_any_work_starts()
    {
        await using var jira = await SandboxJira.StartAsync();
        await using var client = SandboxMcp.Client(jira, "hide=jira_get_transitions,jira_assign_issue");
        var error = await Should.ThrowAsync<JiraConfigurationException>(() => client.GetIssueAsync("DEMO-1", None));
        error.Message.ShouldContain("jira_get_transitions");
        error.Message.ShouldContain("jira_assign_issue");
        error.Message.ShouldContain("TOOLSETS");
    }

    [Fact]
    public async Task A_server_that_dies_mid_run_fails_the_next_call_clearly()
    {
        await using var jira = await SandboxJira.StartAsync();
        var key = (await jira.Client().CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "One" }, None)).Key;
        await using var client = SandboxMcp.Client(jira, "exit-after=1");
        (await client.GetIssueAsync(key, None)).ShouldNotBeNull();
        var error = await Should.ThrowAsync<JiraUnavailableException>(() => client.GetIssueAsync(key, None));
        error.Message.ShouldContain("stopped answering");
    }

    [Fact]
    public async Task A_soft_failure_inside_a_successful_answer_is_an_error_not_a_missing_user()
    {
        await using var jira = await SandboxJira.StartAsync();
        await using var client = SandboxMcp.Client(jira, "soft-fail=jira_get_user_profile");
        var error = await Should.ThrowAsync<JiraException>(() => client.FindUserAsync("alice@example.com", None));
        error.Message.ShouldContain("503");
    }

    [Fact]
    public async Task An_unknown_user_is_no_user()
    {
        await using var jira = await SandboxJira.StartAsync();
        await using var client = SandboxMcp.Client(jira);
        (await client.FindUserAsync("nobody@example.com", None)).ShouldBeNull();
        (await client.FindUserAsync("alice@example.com", None))!.AccountId.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task An_update_the_server_calls_a_success_but_lists_as_failed_is_an_error()
    {
        await using var jira = await SandboxJira.StartAsync();
        var key = (await jira.Client().CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "One" }, None)).Key;
        await using var client = SandboxMcp.Client(jira, "update-fails");
        var error = await Should.ThrowAsync<JiraRequestRejectedException>(() => client.UpdateIssueAsync(key, new JiraIssueUpdate { Summary = "Two" }, None));
        error.Message.ShouldContain("fields_update");
        (await jira.Client().GetIssueAsync(key, None))!.Summary.ShouldBe("One");
    }

    [Fact]
    public async Task A_slow_server_times_out_with_the_tool_named()
    {
        await using var jira = await SandboxJira.StartAsync();
        await using var client = SandboxMcp.Client(jira, "delay-ms=4000", s => s with { RequestTimeout = TimeSpan.FromSeconds(1) });
        var error = await Should.ThrowAsync<JiraUnavailableException>(() => client.GetIssueAsync("DEMO-1", None));
        error.Message.ShouldContain("jira_get_issue got no answer");
    }

    [Fact]
    public async Task Concurrent_first_calls_share_one_start()
    {
        await using var jira = await SandboxJira.StartAsync();
        jira.Sandbox.SeedIssues(10);
        await using var client = SandboxMcp.Client(jira);
        var issues = await Task.WhenAll(Enumerable.Range(1, 10).Select(i => client.GetIssueAsync($"DEMO-{i}", None)));
        issues.ShouldAllBe(i => i != null);
    }

    [Fact]
    public void The_server_gets_the_jira_credentials_and_a_fixed_zone_and_nothing_else_of_ours()
    {
        var launch = new McpServerLaunch { Command = "mcp-atlassian", Environment = new Dictionary<string, string> { ["HTTPS_PROXY"] = "http://proxy:3128" } };
        var parent = new Hashtable { ["PATH"] = "/usr/bin", ["HOME"] = "/home/me", ["AWS_SECRET_ACCESS_KEY"] = "aws-secret", ["GITHUB_TOKEN"] = "gh-secret" };
        var settings = new BacklogJira.Jira.Configuration.JiraConnectionSettings { BaseUrl = new Uri("https://example.atlassian.net/"), User = "me@example.com", ApiToken = "jira-token" };
        var env = launch.ChildEnvironment(settings, parent);
        env.Keys.ShouldBe(["PATH", "HOME", "HTTPS_PROXY", "JIRA_URL", "JIRA_USERNAME", "JIRA_API_TOKEN", "TZ", "TOOLSETS", "MCP_LOGGING_STDOUT"], ignoreOrder: true);
        env["JIRA_URL"].ShouldBe("https://example.atlassian.net");
        env["TZ"].ShouldBe("UTC");
    }

    [Fact]
    public void Without_uvx_or_docker_the_error_says_how_to_install_them()
    {
        var error = Should.Throw<JiraConfigurationException>(() => McpServerLaunch.Default(_ => null));
        error.Message.ShouldContain("uv");
        error.Message.ShouldContain("Docker");
        McpServerLaunch.Default(p => p == "docker" ? "/usr/bin/docker" : null).Arguments.ShouldContain(McpServerLaunch.DockerImage);
        McpServerLaunch.Default(p => p == "uvx" ? "/usr/bin/uvx" : null).Arguments.ShouldBe(["mcp-atlassian@" + McpServerLaunch.PinnedVersion]);
    }
}
