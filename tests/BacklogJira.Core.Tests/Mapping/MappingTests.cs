using BacklogJira.Core.Mapping;
using BacklogJira.Core.Ports;

namespace BacklogJira.Core.Tests.Mapping;

public class MappingTests
{
    private static readonly StatusMapping Statuses = new(
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["To Do"] = ["To Do", "Open"],
            ["In Progress"] = ["In Progress", "In Review"],
            ["Done"] = ["Done", "Closed"],
        },
        new Dictionary<string, StatusOverride>
        {
            ["OPS"] = new(
                new Dictionary<string, IReadOnlyList<string>> { ["In Progress"] = ["Selected for Development", "In Progress"] },
                new Dictionary<string, string> { ["Backlog"] = "To Do" }),
        });

    [Theory]
    [InlineData("In Progress", "DEMO", "In Progress,In Review")]
    [InlineData("in progress", "DEMO", "In Progress,In Review")]
    [InlineData("In Progress", "ops", "Selected for Development,In Progress")]
    [InlineData("Blocked", "DEMO", "")]
    public void Backlog_status_maps_to_acceptable_jira_statuses(string status, string project, string expected) =>
        string.Join(",", Statuses.AcceptableJiraStatuses(status, project)).ShouldBe(expected);

    [Theory]
    [InlineData("closed", "DEMO", "Done")]
    [InlineData("In Review", "DEMO", "In Progress")]
    [InlineData("Backlog", "OPS", "To Do")]
    [InlineData("Selected for Development", "OPS", "In Progress")]
    [InlineData("Waiting for Vendor", "DEMO", null)]
    public void Jira_status_maps_back_or_is_reported_unmapped(string jira, string project, string? expected) =>
        Statuses.ToBacklog(jira, project).ShouldBe(expected);

    [Theory]
    [InlineData("high", new[] { "Highest", "High", "Medium" }, "High")]
    [InlineData("high", new[] { "Blocker", "Major", "Minor" }, "Blocker")]
    [InlineData("medium", new[] { "Blocker", "Major", "Minor" }, "Major")]
    [InlineData("low", new[] { "P1", "P2" }, null)]
    public void Priority_uses_the_first_listed_name_the_scheme_has(string backlog, string[] scheme, string? expected) =>
        PriorityMapping.Default.ToJira(backlog, "DEMO", scheme).ShouldBe(expected);

    [Theory]
    [InlineData("Critical", "high")]
    [InlineData("major", "medium")]
    [InlineData("Trivial", "low")]
    [InlineData("P3", null)]
    public void Jira_priority_maps_back_case_insensitively(string jira, string? expected) =>
        PriorityMapping.Default.ToBacklog(jira, "DEMO").ShouldBe(expected);

    [Fact]
    public void Project_priority_lists_replace_the_defaults()
    {
        var mapping = new PriorityMapping(new Dictionary<string, IReadOnlyList<string>> { ["high"] = ["High"] },
            new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> { ["OPS"] = new Dictionary<string, IReadOnlyList<string>> { ["high"] = ["P1"] } });
        mapping.ToJira("high", "OPS", ["P1", "High"]).ShouldBe("P1");
        mapping.ToJira("high", "DEMO", ["P1", "High"]).ShouldBe("High");
        mapping.ToBacklog("P1", "OPS").ShouldBe("high");
    }

    [Fact]
    public void Assignees_map_by_handle_and_back_by_any_jira_identifier()
    {
        var mapping = new AssigneeMapping(new Dictionary<string, string> { ["alice"] = "5b10ac8d82e05b22cc7d4ef5", ["@bob"] = "bob" });
        mapping.ToJira("@Alice").ShouldBe("5b10ac8d82e05b22cc7d4ef5");
        mapping.ToJira("carol").ShouldBeNull();
        mapping.ToBacklog([null, "5b10ac8d82e05b22cc7d4ef5"]).ShouldBe("@alice");
        mapping.ToBacklog(["bob", "JIRAUSER1"]).ShouldBe("@bob");
        mapping.ToBacklog(["someone-else"]).ShouldBeNull();
    }
}

public class TransitionPlannerTests
{
    private static readonly JiraStatus ToDo = new("10000", "To Do", "new");
    private static readonly JiraStatus InProgress = new("3", "In Progress", "indeterminate");
    private static readonly JiraStatus InReview = new("10001", "In Review", "indeterminate");
    private static readonly JiraStatus Done = new("10002", "Done", "done");

    // The sandbox's default workflow: Done is only reachable from review.
    private static readonly Dictionary<string, IReadOnlyList<JiraTransition>> Workflow = new()
    {
        [ToDo.Id] = [new("11", "Start Progress", InProgress, [])],
        [InProgress.Id] = [new("21", "Stop Progress", ToDo, []), new("31", "Request Review", InReview, [])],
        [InReview.Id] = [new("41", "Back to Progress", InProgress, []), new("51", "Approve", Done, [new("resolution", "Resolution", true, ["Done"])])],
        [Done.Id] = [new("61", "Reopen", ToDo, [])],
    };

    private static List<string> Walk(string from, string[] acceptable, string? targetCategory = null)
    {
        var known = new Dictionary<string, IReadOnlyList<JiraTransition>>();
        var visited = new HashSet<string> { from };
        var path = new List<string>();
        var current = from;
        for (var hop = 0; hop < TransitionPlanner.MaxHops; hop++)
        {
            if (acceptable.Contains(Workflow.Values.SelectMany(t => t).First(t => t.To.Id == current).To.Name)) break;
            known[current] = Workflow[current]; // what Jira lists from here
            var next = TransitionPlanner.NextHop(current, acceptable, known, visited, targetCategory);
            if (next is null) break;
            path.Add(next.Id);
            current = next.To.Id;
            visited.Add(current);
        }
        return path;
    }

    [Fact]
    public void One_hop_when_jira_offers_it() => Walk(ToDo.Id, ["In Progress"]).ShouldBe(["11"]);

    [Fact]
    public void Three_hops_through_the_workflow_to_done() => Walk(ToDo.Id, ["Done"], "done").ShouldBe(["11", "31", "51"]);

    [Fact]
    public void Known_paths_are_used_backwards_too() => Walk(Done.Id, ["In Progress"], "indeterminate").ShouldBe(["61", "11"]);

    [Fact]
    public void Unreachable_targets_stop_without_looping()
    {
        var path = Walk(ToDo.Id, ["Won't Do"], "done");
        path.Count.ShouldBeLessThanOrEqualTo(TransitionPlanner.MaxHops);
        path.Distinct().Count().ShouldBe(path.Count);
    }
}
