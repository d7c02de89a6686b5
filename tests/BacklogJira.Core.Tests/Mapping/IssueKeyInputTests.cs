using BacklogJira.Core.Mapping;

namespace BacklogJira.Core.Tests.Mapping;

public class IssueKeyInputTests
{
    [Theory]
    [InlineData("PROJ-12", "PROJ-12", false)]
    [InlineData(" proj-12 ", "PROJ-12", false)]
    [InlineData("AB_C2-7", "AB_C2-7", false)]
    [InlineData("https://acme.atlassian.net/browse/PROJ-12", "PROJ-12", true)]
    [InlineData("https://jira.example.com/jira/browse/ops-3?focusedCommentId=1", "OPS-3", true)]
    [InlineData("https://acme.atlassian.net/jira/software/projects/PROJ/boards/1?selectedIssue=PROJ-99", "PROJ-99", true)]
    [InlineData("https://acme.atlassian.net/jira/software/projects/PROJ/issues/PROJ-5", "PROJ-5", true)]
    public void Keys_and_pasted_addresses_give_the_key(string typed, string key, bool fromAddress)
    {
        var parsed = IssueKeyInput.Parse(typed);
        parsed.Key.ShouldBe(key);
        parsed.Problem.ShouldBeNull();
        (parsed.Notice is not null).ShouldBe(fromAddress);
    }

    [Theory]
    [InlineData("PROJ12", "not a Jira issue key")]
    [InlineData("12", "not a Jira issue key")]
    [InlineData("PROJ-", "not a Jira issue key")]
    [InlineData("", "not a Jira issue key")]
    [InlineData("https://acme.atlassian.net/jira/your-work", "without an issue key")]
    public void Anything_else_is_refused_with_what_a_key_looks_like(string typed, string problem)
    {
        var parsed = IssueKeyInput.Parse(typed);
        parsed.Key.ShouldBeNull();
        parsed.Problem!.ShouldContain(problem);
    }
}
