using BacklogJira.Core.Ports;
using BacklogJira.Testing;
using Sandbox.Jira;

namespace BacklogJira.Jira.Tests.Rest;

public class DataCenterClientTests : IAsyncLifetime
{
    private SandboxJira _jira = null!;

    public async Task InitializeAsync() =>
        _jira = await SandboxJira.StartAsync(new SandboxOptions { Mode = SandboxMode.DataCenter, User = "jdoe", Token = "pat-123", ProjectKey = "OPS" });

    public async Task DisposeAsync() => await _jira.DisposeAsync();

    private static CancellationToken Token => CancellationToken.None;

    [Fact]
    public async Task Changed_since_read_over_the_project_pages_by_offset_and_notices_deleted_and_moved_issues()
    {
        var keys = _jira.Sandbox.SeedIssues(2500, "OPS");
        var client = _jira.Client();
        var bound = TimeProvider.System.GetUtcNow().AddSeconds(-1);
        await client.UpdateIssueAsync(keys[3], new JiraIssueUpdate { Summary = "Touched" }, Token);
        _jira.Sandbox.State.Write(data =>
        {
            data.Issues.RemoveAll(i => i.Key == keys[9]);
            data.Projects.Add(new Sandbox.Jira.Model.SandboxProject { Id = "10009", Key = "ARC", Name = "Archive", LeadId = data.Projects[0].LeadId });
            var moved = data.Issues.Single(i => i.Key == keys[2400]);
            moved.FormerKeys.Add(moved.Key);
            moved.Key = "ARC-1";
            moved.ProjectKey = "ARC";
        });
        _jira.Sandbox.Counters.Reset();

        var read = await client.ReadIssuesAsync(keys, bound, Token);

        read.Issues.Select(i => i.Key).Order(StringComparer.Ordinal).ShouldBe(["ARC-1", keys[3]]);
        read.Missing.ShouldBe([keys[9]]);
        // Data Center serves 1,000 keys a page and says the total: three listing pages (the last two at once), one page
        // of changed keys, and the key query for the changed, the moved and the deleted key, asked again without the latter.
        _jira.Sandbox.Counters.For("POST /rest/api/2/search").ShouldBe(6);
    }

    [Fact]
    public async Task Personal_access_token_logs_in_and_data_center_is_detected()
    {
        var client = _jira.Client();
        (await client.GetServerInfoAsync(Token)).Deployment.ShouldBe(JiraDeployment.DataCenter);
        var me = await client.GetMyselfAsync(Token);
        me.Name.ShouldBe("jdoe");
        me.AccountId.ShouldBeNull();
    }

    [Fact]
    public async Task Issues_round_trip_through_wiki_markup()
    {
        var client = _jira.Client();
        var bob = await client.FindUserAsync("bob", Token);
        bob!.Name.ShouldBe("bob");
        const string description = "Steps:\n\n1. Open *the* page\n2. Click `Save`\n\n- [ ] works\n- [x] documented";
        var key = (await client.CreateIssueAsync(new JiraIssueDraft
        {
            ProjectKey = "OPS",
            IssueType = "Bug",
            Summary = "Save fails",
            Description = description,
            Assignee = bob,
            Labels = ["ui"],
        }, Token)).Key;

        var stored = _jira.Sandbox.State.Read(data => data.Issues.Single(i => i.Key == key).Description!.GetValue<string>());
        stored.ShouldContain("# Open _the_ page");
        stored.ShouldContain("* \\[x\\] documented");

        var issue = await client.GetIssueAsync(key, Token);
        issue!.Description.ShouldBe(description);
        issue.Assignee!.Name.ShouldBe("bob");
        issue.IssueType.ShouldBe("Bug");
    }

    [Fact]
    public async Task Offset_search_reads_every_page()
    {
        _jira.Sandbox.SeedIssues(250);
        var client = _jira.Client();
        await client.GetServerInfoAsync(Token);
        _jira.Sandbox.Counters.Reset();
        var issues = await client.SearchAsync("project = OPS ORDER BY key ASC", Token);
        issues.Count.ShouldBe(250);
        _jira.Sandbox.Counters.For("POST /rest/api/2/search").ShouldBe(3);
    }
}
