using BacklogJira.Core.Mapping;

namespace BacklogJira.Core.Tests.Mapping;

public class TitleMatcherTests
{
    [Theory]
    [InlineData("Login via SSO", "login  via sso", 1.0)]
    [InlineData("Login", "Login via SSO", 0.8)]
    [InlineData("Export report CSV", "Export monthly report", 0.5)]
    [InlineData("Alpha", "Beta", 0.0)]
    [InlineData("", "Beta", 0.0)]
    public void Similarity_is_exact_then_containment_then_word_overlap(string left, string right, double expected) =>
        TitleMatcher.Similarity(left, right).ShouldBe(expected, 0.001);

    [Fact]
    public void A_key_in_the_title_wins_and_each_issue_goes_to_one_task_only()
    {
        var tasks = new List<(string, string)> { ("TASK-1", "Fix login (DEMO-7)"), ("TASK-2", "Login page"), ("TASK-3", "Login page") };
        var issues = new List<(string, string)> { ("DEMO-7", "Something else"), ("DEMO-8", "Login page"), ("OTHER-1", "x") };

        var matches = TitleMatcher.Match(tasks, issues, "DEMO", 0.8);

        matches.ShouldContain(m => m.TaskId == "TASK-1" && m.JiraKey == "DEMO-7" && m.Score == 1.0);
        matches.Count(m => m.JiraKey == "DEMO-8").ShouldBe(1);
        matches.Count.ShouldBe(2);
    }

    [Fact]
    public void Matches_below_the_threshold_are_not_proposed()
    {
        var matches = TitleMatcher.Match([("TASK-1", "Export report CSV")], [("DEMO-1", "Export monthly report")], "DEMO", 0.8);
        matches.ShouldBeEmpty();
    }

    [Fact]
    public void A_key_of_another_project_in_the_title_is_ignored() =>
        TitleMatcher.KeysIn("Port OTHER-3 and demo-4", "DEMO").ShouldBe(["DEMO-4"]);
}
