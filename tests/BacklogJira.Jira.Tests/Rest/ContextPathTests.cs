using System.Collections;
using BacklogJira.Core.Ports;
using BacklogJira.Jira.Configuration;
using BacklogJira.Jira.Rest;
using BacklogJira.Testing;
using Sandbox.Jira;

namespace BacklogJira.Jira.Tests.Rest;

/// <summary>Issue 15, item 4: a Data Center under a context path is reached below it, also when JIRA_URL is an issue's
/// browse address pasted from the browser.</summary>
public class ContextPathTests
{
    [Fact]
    public async Task Every_request_keeps_the_context_path()
    {
        await using var jira = await SandboxJira.StartAsync(new SandboxOptions { Mode = SandboxMode.DataCenter, User = "jdoe", Token = "pat-123", ProjectKey = "OPS", ContextPath = "/jira" });
        jira.Sandbox.BaseUrl.AbsolutePath.ShouldBe("/jira");
        var root = new Uri(jira.Sandbox.BaseUrl.GetLeftPart(UriPartial.Authority));
        using (var bare = new HttpClient())
            ((int)(await bare.GetAsync(new Uri(root, "/rest/api/2/serverInfo"))).StatusCode).ShouldBe(404, "the sandbox serves nothing outside its context path");

        var loaded = JiraSettingsLoader.Load(null, new Hashtable
        {
            ["JIRA_URL"] = jira.Sandbox.BaseUrl.AbsoluteUri.TrimEnd('/') + "/browse/OPS-1",
            ["JIRA_PERSONAL_TOKEN"] = "pat-123",
        });
        loaded.BaseUrl.AbsoluteUri.TrimEnd('/').ShouldBe(jira.Sandbox.BaseUrl.AbsoluteUri.TrimEnd('/'));
        loaded.UrlNotice.ShouldNotBeNull();
        using var client = new JiraRestClient(loaded with { BackoffBase = TimeSpan.FromMilliseconds(50) });

        (await client.GetServerInfoAsync(CancellationToken.None)).Deployment.ShouldBe(JiraDeployment.DataCenter);
        var created = await client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "OPS", IssueType = "Task", Summary = "Below /jira" }, CancellationToken.None);
        (await client.ReadIssuesAsync([created.Key], null, CancellationToken.None)).Issues.ShouldHaveSingleItem().Summary.ShouldBe("Below /jira");
    }
}
