using BacklogJira.Operations;

namespace BacklogJira.Cli.Tests.Operations;

/// <summary>What a search box means: JQL kept as written, words and keys made into the project's query, quotes escaped.</summary>
public class IssueSearchTests
{
    [Theory]
    [InlineData("project = DEMO AND status = Done", "project = DEMO AND status = Done")]
    [InlineData("summary ~ parser", "summary ~ parser")]
    [InlineData("assignee in (alice)", "assignee in (alice)")]
    [InlineData("resolution is EMPTY order by key", "resolution is EMPTY order by key")]
    [InlineData("login bug", "project = \"DEMO\" AND text ~ \"login bug\" ORDER BY updated DESC")]
    [InlineData("demo-12", "project = \"DEMO\" AND (text ~ \"demo-12\" OR key = \"DEMO-12\") ORDER BY updated DESC")]
    [InlineData("say \"hi\" \\o/", "project = \"DEMO\" AND text ~ \"say \\\"hi\\\" \\\\o/\" ORDER BY updated DESC")]
    [InlineData("  ", "project = \"DEMO\" ORDER BY updated DESC")]
    public void Reads_the_box_as_jql_or_as_words(string input, string jql) => IssueSearch.Jql(input, "DEMO").ShouldBe(jql);
}
