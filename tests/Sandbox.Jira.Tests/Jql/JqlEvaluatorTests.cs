using Sandbox.Jira.Jql;
using Sandbox.Jira.Model;
using Sandbox.Jira.State;

namespace Sandbox.Jira.Tests.Jql;

public class JqlEvaluatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static (SandboxData Data, JqlEvaluator Evaluator) Setup(string zone = "UTC")
    {
        var data = SandboxData.Seed(new SandboxOptions());
        SandboxIssue Issue(int n, string status, string[] labels, string? assignee, DateTimeOffset updated) => new()
        {
            Id = (10000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Key = $"DEMO-{n}",
            ProjectKey = "DEMO",
            Summary = $"Issue number {n} about login",
            StatusId = status,
            Labels = [.. labels],
            AssigneeId = assignee,
            Created = updated,
            Updated = updated,
        };
        data.Issues.Add(Issue(1, "10000", ["backend"], data.Users[1].Key, Now.AddHours(-3)));
        data.Issues.Add(Issue(2, "3", [], null, Now.AddMinutes(-30)));
        data.Issues.Add(Issue(3, "10002", ["backend", "ui"], data.Users[2].Key, Now.AddMinutes(-5).AddSeconds(45)));
        return (data, new JqlEvaluator(data, data.Users[0], TimeZoneInfo.FindSystemTimeZoneById(zone), Now, isCloud: true));
    }

    private static string[] Keys(string jql, string zone = "UTC")
    {
        var (data, evaluator) = Setup(zone);
        var query = JqlParser.Parse(jql);
        return [.. JqlEvaluator.Sort(data.Issues.Where(evaluator.Filter(query.Where)), query.OrderBy).Select(i => i.Key)];
    }

    [Theory]
    [InlineData("project = DEMO ORDER BY key ASC", new[] { "DEMO-1", "DEMO-2", "DEMO-3" })]
    [InlineData("project = demo AND status = \"In Progress\"", new[] { "DEMO-2" })]
    [InlineData("status in (\"To Do\", Done) ORDER BY key DESC", new[] { "DEMO-3", "DEMO-1" })]
    [InlineData("labels = backend AND labels = ui", new[] { "DEMO-3" })]
    [InlineData("labels != ui ORDER BY key", new[] { "DEMO-1" })]
    [InlineData("labels is EMPTY", new[] { "DEMO-2" })]
    [InlineData("assignee is EMPTY OR key = DEMO-1 ORDER BY key", new[] { "DEMO-1", "DEMO-2" })]
    [InlineData("assignee = 5b10a2844c20165700ede21a", new[] { "DEMO-1" })]
    [InlineData("key in (DEMO-3, DEMO-1) ORDER BY updated ASC, key ASC", new[] { "DEMO-1", "DEMO-3" })]
    [InlineData("statusCategory = done", new[] { "DEMO-3" })]
    [InlineData("NOT status = Done AND (labels = backend OR labels is EMPTY) ORDER BY key", new[] { "DEMO-1", "DEMO-2" })]
    [InlineData("summary ~ \"login\" AND key > DEMO-1 ORDER BY key", new[] { "DEMO-2", "DEMO-3" })]
    [InlineData("updated >= -1h ORDER BY key", new[] { "DEMO-2", "DEMO-3" })]
    public void Queries_select_and_order_like_jira(string jql, string[] expected) => Keys(jql).ShouldBe(expected);

    [Fact]
    public void Minute_precision_dates_include_the_whole_minute()
    {
        // DEMO-3 was updated at 11:55:45; ">= 11:55" must include it, "> 11:55" compares to 11:55:00 and includes it too.
        Keys("updated >= \"2026-03-10 11:55\"").ShouldBe(["DEMO-3"]);
        Keys("updated >= \"2026/03/10 11:56\"").ShouldBeEmpty();
    }

    [Fact]
    public void Dates_are_read_in_the_users_time_zone()
    {
        // 11:55 UTC is 22:55 in Sydney (UTC+11 in March): the same instant written in the user's zone.
        Keys("updated >= \"2026-03-10 22:55\"", "Australia/Sydney").ShouldBe(["DEMO-3"]);
        Keys("updated >= \"2026-03-10 11:55\" ORDER BY key", "Australia/Sydney").ShouldBe(["DEMO-1", "DEMO-2", "DEMO-3"]);
    }

    [Fact]
    public void Epoch_milliseconds_are_accepted()
    {
        var ms = Now.AddMinutes(-10).ToUnixTimeMilliseconds();
        Keys($"updated >= {ms}").ShouldBe(["DEMO-3"]);
    }

    [Theory]
    [InlineData("updated >= \"2026-03-10T11:55:00Z\"", "Date value '2026-03-10T11:55:00Z' for field 'updated' is invalid.")]
    [InlineData("project = NOPE OR key = DEMO-1", "The value 'NOPE' does not exist for the field 'project'.")]
    [InlineData("key in (DEMO-1, DEMO-99)", "An issue with key 'DEMO-99' does not exist for field 'key'.")]
    [InlineData("key = foo", "The issue key 'foo' for field 'key' is invalid.")]
    [InlineData("colour = red", "Field 'colour' does not exist or you do not have permission to view it.")]
    [InlineData("status = Nowhere", "The value 'Nowhere' does not exist for the field 'status'.")]
    [InlineData("project = DEMO AND", "Error in the JQL Query: Expecting a field name but got 'EOF'.")]
    [InlineData("project = \"DEMO", "has not been completed")]
    [InlineData("project = DEMO ORDER BY colour", "Field 'colour' does not exist")]
    public void Bad_queries_get_jiras_message(string jql, string expected)
    {
        Should.Throw<JqlException>(() => Keys(jql)).Message.ShouldContain(expected);
    }
}
