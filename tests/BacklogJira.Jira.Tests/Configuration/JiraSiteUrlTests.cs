using BacklogJira.Jira.Configuration;

namespace BacklogJira.Jira.Tests.Configuration;

/// <summary>Issue 15, item 4: a context path is kept; a pasted page or API address is cut back to the site, with a notice.</summary>
public class JiraSiteUrlTests
{
    [Theory]
    [InlineData("https://acme.atlassian.net", "https://acme.atlassian.net/", false)]
    [InlineData("https://jira.acme.com/jira", "https://jira.acme.com/jira", false)]
    [InlineData("https://jira.acme.com:8443/tools/jira", "https://jira.acme.com:8443/tools/jira", false)]
    [InlineData("https://jira.acme.com/jira/browse/DEMO-1", "https://jira.acme.com/jira", true)]
    [InlineData("https://jira.acme.com/rest/api/2", "https://jira.acme.com/", true)]
    [InlineData("https://jira.acme.com/jira/rest/api/2/issue/DEMO-1", "https://jira.acme.com/jira", true)]
    [InlineData("https://jira.acme.com/jira/secure/Dashboard.jspa", "https://jira.acme.com/jira", true)]
    [InlineData("https://acme.atlassian.net/browse/DEMO-1", "https://acme.atlassian.net/", true)]
    [InlineData("https://acme.atlassian.net/rest/api/3", "https://acme.atlassian.net/", true)]
    [InlineData("https://acme.atlassian.net/jira/software/projects/DEMO/boards/1", "https://acme.atlassian.net/", true)]
    [InlineData("https://acme.atlassian.net/?selectedIssue=DEMO-1", "https://acme.atlassian.net/", true)]
    public void The_site_is_what_requests_go_below(string pasted, string site, bool noticed)
    {
        var result = JiraSiteUrl.Normalize(new Uri(pasted));
        result.Site.AbsoluteUri.ShouldBe(site);
        (result.Notice is not null).ShouldBe(noticed, result.Notice);
        if (noticed) result.Notice!.ShouldContain(site.TrimEnd('/'));
    }
}
