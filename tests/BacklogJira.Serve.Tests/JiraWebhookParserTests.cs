using System.Text;
using BacklogJira.Serve.Webhooks;

namespace BacklogJira.Serve.Tests;

public class JiraWebhookParserTests
{
    private static WebhookParse Parse(string json) => JiraWebhookParser.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Issue_and_comment_events_name_their_issue_by_id_and_key()
    {
        var updated = Parse("""{"timestamp":1,"webhookEvent":"jira:issue_updated","issue":{"id":"10002","key":"DEMO-2","fields":{"summary":"x"}},"changelog":{"items":[]}}""").Event!;
        updated.Issues.ShouldBe([new IssueRef("10002", "DEMO-2")]);
        updated.Deleted.ShouldBeFalse();
        Parse("""{"webhookEvent":"jira:issue_deleted","issue":{"id":"10003","key":"DEMO-3"}}""").Event!.Deleted.ShouldBeTrue();
        Parse("""{"webhookEvent":"comment_created","comment":{"id":"1"},"issue":{"id":"10004","key":"DEMO-4"}}""").Event!.Issues.Single().Key.ShouldBe("DEMO-4");
    }

    [Fact]
    public void Link_events_name_both_issues_by_id_only()
    {
        var link = Parse("""{"webhookEvent":"issuelink_created","issueLink":{"id":10000,"sourceIssueId":10001,"destinationIssueId":"10002","issueLinkType":{"name":"Blocks"}}}""").Event!;
        link.Issues.ShouldBe([new IssueRef("10001", null), new IssueRef("10002", null)]);
    }

    [Theory]
    [InlineData("""{"webhookEvent":"sprint_started","sprint":{}}""", "sprint_started")]
    [InlineData("""{"webhookEvent":"jira:version_released"}""", "jira:version_released")]
    public void Other_events_are_ignored_not_refused(string json, string name)
    {
        var parsed = Parse(json);
        parsed.Event.ShouldBeNull();
        parsed.Problem.ShouldBeNull();
        parsed.IgnoredName.ShouldBe(name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"issue":{"id":"1"}}""")]
    [InlineData("""{"webhookEvent":5}""")]
    [InlineData("""{"webhookEvent":"jira:issue_updated"}""")]
    [InlineData("""{"webhookEvent":"jira:issue_updated","issue":{"id":"../../etc"}}""")]
    [InlineData("""{"webhookEvent":"jira:issue_updated","issue":{"id":1.5}}""")]
    [InlineData("""{"webhookEvent":"issuelink_created","issueLink":{}}""")]
    [InlineData("""{"webhookEvent":"jira:issue_updated","issue":{"id":"1"},""")]
    public void Bodies_that_are_not_webhooks_are_refused_with_a_reason(string json) =>
        Parse(json).Problem.ShouldNotBeNullOrWhiteSpace();

    [Fact]
    public void Deep_nesting_is_refused_not_crashed()
    {
        var deep = """{"webhookEvent":"jira:issue_updated","issue":{"id":"1"},"x":""" + new string('[', 5000) + new string(']', 5000) + "}";
        Parse(deep).Problem.ShouldNotBeNull();
    }
}
