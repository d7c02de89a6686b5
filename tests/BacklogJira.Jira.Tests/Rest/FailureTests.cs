using BacklogJira.Core.Ports;
using BacklogJira.Jira.Errors;
using BacklogJira.Testing;
using Sandbox.Jira.Faults;

namespace BacklogJira.Jira.Tests.Rest;

public class FailureTests
{
    private static CancellationToken Token => CancellationToken.None;

    /// <summary>Settings for a site where nothing listens (the discard port on this machine).</summary>
    private static BacklogJira.Jira.Configuration.JiraConnectionSettings NothingListens(int maxRetries, TimeSpan backoff) => new()
    {
        BaseUrl = new Uri("http://127.0.0.1:9"),
        User = "a@b.c",
        ApiToken = "t",
        Deployment = JiraDeployment.Cloud,
        MaxRetries = maxRetries,
        BackoffBase = backoff,
    };

    [Fact]
    public async Task Wrong_credentials_say_what_to_check_and_never_show_the_token()
    {
        await using var jira = await SandboxJira.StartAsync();
        var client = jira.Client(s => s with { ApiToken = "wrong-secret-value" });
        var error = await Should.ThrowAsync<JiraAuthenticationException>(() => client.GetMyselfAsync(Token));
        error.Message.ShouldContain("JIRA_API_TOKEN");
        error.Message.ShouldNotContain("wrong-secret-value");
        error.ToString().ShouldNotContain("wrong-secret-value");
    }

    [Fact]
    public async Task An_sso_login_page_is_reported_as_such()
    {
        await using var jira = await SandboxJira.StartAsync();
        jira.Sandbox.Faults.Plan = new FaultPlan { LoginPage = true };
        var error = await Should.ThrowAsync<JiraUnexpectedHtmlException>(() => jira.Client().GetMyselfAsync(Token));
        error.Message.ShouldContain("HTML page");
        error.Message.ShouldContain("JIRA_URL");
    }

    [Fact]
    public async Task The_removed_search_api_gives_a_migration_hint()
    {
        await using var jira = await SandboxJira.StartAsync();
        // A client that believes it talks to Data Center uses /rest/api/2/search, which Cloud has removed.
        var client = jira.Client(s => s with { Deployment = JiraDeployment.DataCenter });
        var error = await Should.ThrowAsync<JiraApiRemovedException>(() => client.SearchAsync("project = DEMO", Token));
        error.Message.ShouldContain("removed");
        error.Message.ShouldContain("/search/jql");
    }

    [Fact]
    public async Task Jql_errors_come_back_with_jiras_text()
    {
        await using var jira = await SandboxJira.StartAsync();
        var error = await Should.ThrowAsync<JiraRequestRejectedException>(() => jira.Client().SearchAsync("project = NOPE", Token));
        error.ErrorMessages.ShouldBe(["The value 'NOPE' does not exist for the field 'project'."]);
    }

    [Fact]
    public async Task Read_only_project_answers_403_with_a_permission_hint()
    {
        await using var jira = await SandboxJira.StartAsync();
        jira.Sandbox.State.Write(data => data.Projects[0].Writable = false);
        var error = await Should.ThrowAsync<JiraPermissionException>(() =>
            jira.Client().CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "S" }, Token));
        error.Message.ShouldContain("permission");
    }

    [Fact]
    public async Task Unreachable_jira_names_the_url()
    {
        using var client = new BacklogJira.Jira.Rest.JiraRestClient(NothingListens(maxRetries: 1, TimeSpan.FromMilliseconds(10)));
        var error = await Should.ThrowAsync<JiraUnavailableException>(() => client.GetMyselfAsync(Token));
        error.Message.ShouldContain("http://127.0.0.1:9");
    }

    [Fact]
    public async Task A_refused_connection_fails_without_retrying()
    {
        var logger = new BacklogJira.Testing.CapturingLogger();
        using var client = new BacklogJira.Jira.Rest.JiraRestClient(NothingListens(maxRetries: 6, TimeSpan.FromSeconds(5)), logger: logger);
        await Should.ThrowAsync<JiraUnavailableException>(() => client.GetMyselfAsync(Token));
        logger.Lines.ShouldNotContain(l => l.Message.Contains("waiting", StringComparison.Ordinal), "nothing listens there: no retry, no wait");
    }

    [Fact]
    public async Task Every_retry_is_logged_with_its_reason_and_wait()
    {
        await using var jira = await SandboxJira.StartAsync();
        var logger = new BacklogJira.Testing.CapturingLogger();
        using var client = new BacklogJira.Jira.Rest.JiraRestClient(jira.Settings(s => s with { MaxRetries = 2 }), logger: logger);
        await client.GetServerInfoAsync(Token);
        jira.Sandbox.Faults.Plan = new FaultPlan { RateLimitPerWindow = 1, RateLimitWindow = TimeSpan.FromSeconds(30), RetryAfterSeconds = 1 };
        await client.GetMyselfAsync(Token);
        await Should.ThrowAsync<JiraException>(() => client.GetMyselfAsync(Token));

        var retries = logger.Lines.Where(l => l.Message.Contains("waiting", StringComparison.Ordinal)).ToList();
        retries.ShouldNotBeEmpty();
        retries[0].Message.ShouldMatch(@"^GET /rest/api/3/myself: Jira answered 429; waiting 1(\.\d)? s, attempt 2 of 3$");
        retries.ShouldAllBe(l => l.Level == Microsoft.Extensions.Logging.LogLevel.Debug, "a 1 s wait is not worth a line on the terminal");
    }
}
