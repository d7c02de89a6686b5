using BacklogJira.Core.Mapping;

namespace BacklogJira.Core.Tests.Mapping;

public class IssueTypeMappingTests
{
    private static readonly IReadOnlyList<string> ProjectTypes = ["Bug", "feature", "task", "chore"];

    [Theory]
    [InlineData(null, true, null)]
    [InlineData("", true, null)]
    [InlineData("task", true, null)]
    [InlineData("chore", true, null)]
    [InlineData("BUG", true, "Bug")]
    [InlineData("feature", true, "Story")]
    [InlineData("research", false, null)]
    public void A_task_type_reads_as_its_jira_type_and_the_default_type_as_none(string? type, bool mapped, string? canonical)
    {
        var mapping = new IssueTypeMapping(new Dictionary<string, string>(), "Task");
        mapping.TryFromBacklog(type, out var value).ShouldBe(mapped);
        value.ShouldBe(canonical);
    }

    [Theory]
    [InlineData("Task", null)]
    [InlineData("Sub-task", null)]
    [InlineData("Subtask", null)]
    [InlineData("Story", "Story")]
    [InlineData("Epic", "Epic")]
    public void An_issue_type_reads_as_none_when_it_is_the_default_or_a_sub_task(string jira, string? canonical) =>
        new IssueTypeMapping(new Dictionary<string, string>(), "Task").Canonical(jira).ShouldBe(canonical);

    [Fact]
    public void Writing_back_keeps_the_task_s_own_type_when_it_means_the_same_and_prefers_the_configured_spelling()
    {
        var mapping = new IssueTypeMapping(new Dictionary<string, string> { ["research"] = "Story" }, "Task");
        mapping.ToBacklog(null, "chore", ProjectTypes).ShouldBe("chore");
        mapping.ToBacklog(null, "bug", ProjectTypes).ShouldBe("task");
        mapping.ToBacklog("Story", "research", ProjectTypes).ShouldBe("research");
        mapping.ToBacklog("Story", null, ProjectTypes).ShouldBe("feature");
        mapping.ToBacklog("Bug", null, ProjectTypes).ShouldBe("Bug");
        mapping.HasBacklogType("Epic").ShouldBeFalse();
        mapping.HasBacklogType(null).ShouldBeTrue();
    }

    [Fact]
    public void With_another_default_type_no_type_is_written_for_it_unless_one_is_named_like_it()
    {
        var mapping = new IssueTypeMapping(new Dictionary<string, string>(), "Story");
        mapping.TryFromBacklog("feature", out var feature).ShouldBeTrue();
        feature.ShouldBeNull();
        mapping.TryFromBacklog("task", out var task).ShouldBeTrue();
        task.ShouldBe("Task");
        mapping.ToBacklog(null, "task", ProjectTypes).ShouldBe("feature");
        mapping.JiraName(null).ShouldBe("Story");
    }
}
