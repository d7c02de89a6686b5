using System.Diagnostics;
using System.Text.Json.Nodes;
using BacklogJira.Core.Ports;
using BacklogJira.Jira.Errors;
using BacklogJira.Testing;
using Sandbox.Jira.Faults;

namespace BacklogJira.Jira.Tests.Rest;

public class CloudClientTests : IAsyncLifetime
{
    private SandboxJira _jira = null!;

    public async Task InitializeAsync() => _jira = await SandboxJira.StartAsync();

    public async Task DisposeAsync() => await _jira.DisposeAsync();

    private static CancellationToken Token => CancellationToken.None;

    [Fact]
    public async Task Detects_cloud_from_server_info()
    {
        var info = await _jira.Client().GetServerInfoAsync(Token);
        info.Deployment.ShouldBe(JiraDeployment.Cloud);
    }

    [Fact]
    public async Task Created_issue_reads_back_with_every_field()
    {
        var client = _jira.Client();
        var alice = await client.FindUserAsync("alice@example.com", Token);
        alice.ShouldNotBeNull();
        const string description = "Users sign in with **Okta**.\n\n- [x] Redirects to Okta\n- [ ] Creates the user\n\n```csharp\nvar x = 1;\n```";
        var created = await client.CreateIssueAsync(new JiraIssueDraft
        {
            ProjectKey = "DEMO",
            IssueType = "Task",
            Summary = "Login: support SSO \"quoted\" [brackets]",
            Description = description,
            Labels = ["auth", "backend"],
            PriorityName = "High",
            Assignee = alice,
        }, Token);
        created.Key.ShouldBe("DEMO-1");

        var issue = await client.GetIssueAsync(created.Key, Token);
        issue.ShouldNotBeNull();
        issue.Summary.ShouldBe("Login: support SSO \"quoted\" [brackets]");
        issue.Description.ShouldBe(description);
        issue.Labels.ShouldBe(["auth", "backend"]);
        issue.Priority!.Name.ShouldBe("High");
        issue.Assignee!.AccountId.ShouldBe(alice.AccountId);
        issue.Status.Name.ShouldBe("To Do");
        issue.Status.CategoryKey.ShouldBe("new");
        issue.Updated.ShouldBeGreaterThan(DateTimeOffset.MinValue);
    }

    [Fact]
    public async Task Update_sends_only_the_changed_fields()
    {
        var client = _jira.Client();
        var created = await client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "Before", Labels = ["a"] }, Token);
        await client.UpdateIssueAsync(created.Key, new JiraIssueUpdate { Summary = "After" }, Token);

        var histories = _jira.Sandbox.State.Read(data => data.Issues.Single(i => i.Key == created.Key).Histories);
        histories.Count.ShouldBe(1);
        histories[0].Items.Select(i => i.Field).ShouldBe(["summary"]);
        (await client.GetIssueAsync(created.Key, Token))!.Labels.ShouldBe(["a"]);
    }

    [Fact]
    public async Task Clearing_description_and_assignee_sends_null()
    {
        var client = _jira.Client();
        var bob = await client.FindUserAsync("Bob Chen", Token);
        var created = await client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "S", Description = "text", Assignee = bob }, Token);
        await client.UpdateIssueAsync(created.Key, new JiraIssueUpdate { ChangeDescription = true, Description = null, ChangeAssignee = true, Assignee = null }, Token);
        var issue = await client.GetIssueAsync(created.Key, Token);
        issue!.Description.ShouldBe("");
        issue.Assignee.ShouldBeNull();
    }

    [Fact]
    public async Task Bulk_get_leaves_out_a_deleted_key_instead_of_failing_the_batch()
    {
        var keys = _jira.Sandbox.SeedIssues(120);
        _jira.Sandbox.State.Write(data => data.Issues.RemoveAll(i => i.Key == keys[7] || i.Key == keys[77]));
        var issues = await _jira.Client().GetIssuesAsync([.. keys, "DEMO-9999"], Token);
        issues.Count.ShouldBe(118);
        issues.Select(i => i.Key).ShouldNotContain(keys[7]);
    }

    [Fact]
    public async Task Changed_since_read_returns_only_issues_updated_after_the_bound_and_names_the_missing_keys()
    {
        var keys = _jira.Sandbox.SeedIssues(600);
        var client = _jira.Client();
        var bound = TimeProvider.System.GetUtcNow().AddSeconds(-1);
        await client.UpdateIssueAsync(keys[3], new JiraIssueUpdate { Summary = "Touched" }, Token);
        _jira.Sandbox.State.Write(data => data.Issues.RemoveAll(i => i.Key == keys[9]));
        _jira.Sandbox.Counters.Reset();

        var read = await client.ReadIssuesAsync(keys, bound, Token);

        read.Issues.Select(i => i.Key).ShouldBe([keys[3]]);
        read.Missing.ShouldBe([keys[9]]);
        // 600 keys, more than one changed-since query holds: the project's keys listed (one page of up to 5,000), the
        // changed ones named (one page), and those plus the vanished one read by key, asked again without the deleted key.
        _jira.Sandbox.Counters.For("POST /rest/api/3/search/jql").ShouldBe(4);
    }

    [Fact]
    public async Task Issue_links_are_read_alone_with_their_direction_on_each_issue()
    {
        var client = _jira.Client();
        var blocker = await client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "Foundation" }, Token);
        var blocked = await client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "Roof" }, Token);
        await client.CreateIssueLinkAsync("Blocks", blocker.Key, blocked.Key, Token);
        _jira.Sandbox.Counters.Reset();

        var onBlocked = (await client.GetIssueLinksAsync(blocked.Key, Token)).Single();
        var onBlocker = (await client.GetIssueLinksAsync(blocker.Key, Token)).Single();

        (onBlocked.TypeName, onBlocked.Outward, onBlocked.OtherKey).ShouldBe(("Blocks", false, blocker.Key));
        (onBlocker.TypeName, onBlocker.Outward, onBlocker.OtherKey).ShouldBe(("Blocks", true, blocked.Key));
        onBlocked.Id.ShouldBe(onBlocker.Id);
        _jira.Sandbox.Counters.Total.ShouldBe(2);
    }

    [Fact]
    public async Task Changed_since_read_over_the_project_finds_an_issue_moved_out_of_it_under_its_new_key()
    {
        var keys = _jira.Sandbox.SeedIssues(600);
        var client = _jira.Client();
        _jira.Sandbox.State.Write(data =>
        {
            data.Projects.Add(new Sandbox.Jira.Model.SandboxProject { Id = "10001", Key = "OPS", Name = "Operations", LeadId = data.Projects[0].LeadId });
            var issue = data.Issues.Single(i => i.Key == keys[5]);
            issue.FormerKeys.Add(issue.Key);
            issue.Key = "OPS-1";
            issue.ProjectKey = "OPS";
        });

        // Long after the move: only the listing of DEMO's keys can tell it is gone from there.
        var read = await client.ReadIssuesAsync(keys, TimeProvider.System.GetUtcNow().AddHours(1), Token);

        read.Issues.Select(i => i.Key).ShouldBe(["OPS-1"]);
        read.Missing.ShouldBeEmpty();
    }

    [Fact]
    public async Task Changed_since_read_of_a_few_keys_in_a_large_project_falls_back_to_key_queries()
    {
        var keys = _jira.Sandbox.SeedIssues(3000);
        var client = _jira.Client();
        var mapped = keys.Take(600).ToList();
        var bound = TimeProvider.System.GetUtcNow().AddSeconds(-1);
        await client.UpdateIssueAsync(mapped[3], new JiraIssueUpdate { Summary = "Touched" }, Token);
        await client.UpdateIssueAsync(keys[2000], new JiraIssueUpdate { Summary = "Not ours" }, Token);
        _jira.Sandbox.State.Write(data => data.Issues.RemoveAll(i => i.Key == mapped[9]));

        var read = await client.ReadIssuesAsync(mapped, bound, Token);

        // 3,000 issues for 600 keys: listing them all would cost more than the two key queries it saves.
        read.Issues.Select(i => i.Key).ShouldBe([mapped[3]]);
        read.Missing.ShouldBe([mapped[9]]);
    }

    [Fact]
    public async Task Search_pages_through_1200_issues_with_the_minimum_number_of_requests()
    {
        _jira.Sandbox.SeedIssues(1200);
        var client = _jira.Client();
        await client.GetServerInfoAsync(Token);
        _jira.Sandbox.Counters.Reset();

        var issues = await client.SearchAsync("project = DEMO ORDER BY key ASC", Token);

        issues.Count.ShouldBe(1200);
        issues.Select(i => i.Key).Distinct().Count().ShouldBe(1200);
        issues[0].Key.ShouldBe("DEMO-1");
        issues[^1].Key.ShouldBe("DEMO-1200");
        _jira.Sandbox.Counters.For("POST /rest/api/3/search/jql").ShouldBe(12);
        _jira.Sandbox.Counters.Total.ShouldBe(12);
    }

    [Fact]
    public async Task A_429_storm_on_30_percent_of_requests_completes_and_waits_as_told()
    {
        _jira.Sandbox.SeedIssues(1000);
        var client = _jira.Client(s => s with { MaxRetries = 10 });
        await client.GetServerInfoAsync(Token);
        _jira.Sandbox.Faults.Plan = new FaultPlan { RateLimitFraction = 0.3, RetryAfterSeconds = 1, HtmlRateLimitBody = true, Seed = 7 };
        var watch = Stopwatch.StartNew();

        var issues = await client.SearchAsync("project = DEMO ORDER BY key ASC", Token);

        watch.Stop();
        issues.Count.ShouldBe(1000);
        var rateLimited = _jira.Sandbox.Counters.Faulted;
        rateLimited.ShouldBeGreaterThan(0);
        _jira.Sandbox.Counters.For("POST /rest/api/3/search/jql").ShouldBe(10 + rateLimited);
        // Sequential pages: every 429 costs at least its Retry-After of one second.
        watch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(rateLimited * 0.95));
    }

    [Fact]
    public async Task Reads_survive_dropped_connections_and_server_errors()
    {
        _jira.Sandbox.SeedIssues(300);
        var client = _jira.Client(s => s with { MaxRetries = 10, PageSize = 50 });
        await client.GetServerInfoAsync(Token);
        _jira.Sandbox.Faults.Plan = new FaultPlan { DropFraction = 0.2, ServerErrorFraction = 0.2, Seed = 3 };
        var issues = await client.SearchAsync("project = DEMO", Token);
        issues.Count.ShouldBe(300);
        _jira.Sandbox.Counters.Faulted.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_create_is_not_retried_after_a_dropped_connection()
    {
        var client = _jira.Client();
        await client.GetServerInfoAsync(Token);
        _jira.Sandbox.Faults.Plan = new FaultPlan { DropFraction = 1 };
        var error = await Should.ThrowAsync<JiraUnavailableException>(() =>
            client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "Once" }, Token));
        error.Message.ShouldContain("POST /rest/api/3/issue");
        _jira.Sandbox.Counters.For("POST /rest/api/3/issue").ShouldBe(1);
    }

    [Fact]
    public async Task A_create_is_retried_after_a_429_because_jira_did_not_act()
    {
        var client = _jira.Client();
        await client.GetServerInfoAsync(Token);
        _jira.Sandbox.Faults.RateLimitNext(2);
        _jira.Sandbox.Faults.Plan = _jira.Sandbox.Faults.Plan with { RetryAfterSeconds = 0 };
        _jira.Sandbox.Faults.RateLimitNext(2);
        var created = await client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "Once" }, Token);
        created.Key.ShouldBe("DEMO-1");
        _jira.Sandbox.State.Read(data => data.Issues.Count).ShouldBe(1);
    }

    [Fact]
    public async Task A_slow_server_times_out_with_a_clear_error()
    {
        var client = _jira.Client(s => s with { RequestTimeout = TimeSpan.FromMilliseconds(300), MaxRetries = 1 });
        await client.GetServerInfoAsync(Token);
        _jira.Sandbox.Faults.Plan = new FaultPlan { Latency = TimeSpan.FromSeconds(2) };
        var error = await Should.ThrowAsync<JiraUnavailableException>(() => client.GetIssueAsync("DEMO-1", Token));
        error.Message.ShouldContain("did not answer");
    }

    [Fact]
    public async Task Slow_bodies_still_arrive_whole()
    {
        _jira.Sandbox.SeedIssues(20);
        var client = _jira.Client();
        await client.GetServerInfoAsync(Token);
        _jira.Sandbox.Faults.Plan = new FaultPlan { SlowBody = TimeSpan.FromMilliseconds(5) };
        (await client.SearchAsync("project = DEMO", Token)).Count.ShouldBe(20);
    }

    [Fact]
    public async Task Transitions_list_targets_and_required_fields_and_refuse_what_the_workflow_does_not_allow()
    {
        var client = _jira.Client();
        var key = (await client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "Flow" }, Token)).Key;
        var start = (await client.GetTransitionsAsync(key, Token)).Single();
        start.To.Name.ShouldBe("In Progress");
        start.To.CategoryKey.ShouldBe("indeterminate");

        await Should.ThrowAsync<JiraInvalidTransitionException>(() => client.TransitionAsync(key, "51", new Dictionary<string, string>(), Token));
        await client.TransitionAsync(key, start.Id, new Dictionary<string, string>(), Token);
        var review = (await client.GetTransitionsAsync(key, Token)).Single(t => t.To.Name == "In Review");
        await client.TransitionAsync(key, review.Id, new Dictionary<string, string>(), Token);
        var approve = (await client.GetTransitionsAsync(key, Token)).Single(t => t.To.CategoryKey == "done");
        approve.Fields.Single().ShouldSatisfyAllConditions(
            f => f.Id.ShouldBe("resolution"),
            f => f.Required.ShouldBeTrue(),
            f => f.AllowedValues.ShouldContain("Done"));

        var missing = await Should.ThrowAsync<JiraRequestRejectedException>(() => client.TransitionAsync(key, approve.Id, new Dictionary<string, string>(), Token));
        missing.FieldErrors.Keys.ShouldContain("resolution");
        await client.TransitionAsync(key, approve.Id, new Dictionary<string, string> { ["resolution"] = "Done" }, Token);

        var done = await client.GetIssueAsync(key, Token);
        done!.Status.Name.ShouldBe("Done");
        done.Resolution.ShouldBe("Done");
    }

    [Fact]
    public async Task A_field_missing_from_the_screen_is_named_in_the_error()
    {
        _jira.Sandbox.State.Write(data => data.Projects[0].HiddenFields.Add("priority"));
        var client = _jira.Client();
        var key = (await client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "S" }, Token)).Key;
        var error = await Should.ThrowAsync<JiraFieldNotOnScreenException>(() => client.UpdateIssueAsync(key, new JiraIssueUpdate { PriorityName = "Low" }, Token));
        error.Field.ShouldBe("priority");
        error.Message.ShouldContain("not on the project's screen");
    }

    [Fact]
    public async Task Users_are_found_by_email_name_or_account_id_and_cached_for_the_run()
    {
        var client = _jira.Client();
        var byEmail = await client.FindUserAsync("carol@example.com", Token);
        byEmail!.DisplayName.ShouldBe("Carol Diaz");
        (await client.FindUserAsync(byEmail.AccountId!, Token))!.DisplayName.ShouldBe("Carol Diaz");
        (await client.FindUserAsync("nobody-at-all", Token)).ShouldBeNull();
        var before = _jira.Sandbox.Counters.Total;
        await client.FindUserAsync("carol@example.com", Token);
        _jira.Sandbox.Counters.Total.ShouldBe(before);
    }

    [Fact]
    public async Task Metadata_is_read_once_per_client()
    {
        var client = _jira.Client();
        (await client.GetPrioritiesAsync(Token)).Select(p => p.Name).ShouldBe(["Highest", "High", "Medium", "Low", "Lowest"]);
        (await client.GetStatusesAsync(Token)).Select(s => s.Name).ShouldContain("In Review");
        (await client.GetFieldsAsync(Token)).ShouldContain(f => f.Id == "customfield_10016" && f.Custom);
        var before = _jira.Sandbox.Counters.Total;
        await client.GetPrioritiesAsync(Token);
        await client.GetStatusesAsync(Token);
        await client.GetFieldsAsync(Token);
        _jira.Sandbox.Counters.Total.ShouldBe(before);
    }

    [Fact]
    public async Task Comments_remote_links_and_properties_round_trip()
    {
        var client = _jira.Client();
        var key = (await client.CreateIssueAsync(new JiraIssueDraft
        {
            ProjectKey = "DEMO",
            IssueType = "Task",
            Summary = "S",
            Properties = new Dictionary<string, JsonNode?> { ["backlog-jira"] = new JsonObject { ["taskId"] = "task-7" } },
        }, Token)).Key;

        await client.AddCommentAsync(key, "Looks **good**", Token);
        (await client.GetCommentsAsync(key, Token)).Single().Body.ShouldBe("Looks **good**");

        var link = new JiraRemoteLink("backlog-md:task-7", "file:///repo/backlog/tasks/task-7.md", "task-7");
        await client.UpsertRemoteLinkAsync(key, link, Token);
        await client.UpsertRemoteLinkAsync(key, link with { Title = "task-7 renamed" }, Token);
        _jira.Sandbox.State.Read(data => data.Issues.Single(i => i.Key == key).RemoteLinks.Count).ShouldBe(1);

        (await client.GetIssuePropertyAsync(key, "backlog-jira", Token))!["taskId"]!.GetValue<string>().ShouldBe("task-7");
        await client.SetIssuePropertyAsync(key, "backlog-jira", new JsonObject { ["taskId"] = "task-8" }, Token);
        (await client.GetIssuePropertyAsync(key, "backlog-jira", Token))!["taskId"]!.GetValue<string>().ShouldBe("task-8");
        (await client.GetIssuePropertyAsync(key, "absent", Token)).ShouldBeNull();
    }

    [Fact]
    public async Task Missing_issue_reads_as_null()
    {
        (await _jira.Client().GetIssueAsync("DEMO-404", Token)).ShouldBeNull();
    }
}
