using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Tests;

/// <summary>Issue 20: a 100-issue list under a small BACKLOG_MAX_TOKENS is cut at an issue, says so, keeps its
/// structured content valid, and names the page that continues it.</summary>
public sealed class AnswerBudgetTests(SmallBudgetFixture fixture) : IClassFixture<SmallBudgetFixture>
{
    [Fact]
    public async Task A_long_list_is_cut_at_an_issue_within_the_budget_and_the_next_page_continues_it()
    {
        var (text, structured) = await fixture.Server.OkAsync("backlog_get_issue_list", new { projectIdOrKey = "BLG", count = 100, sort = "created", order = "asc" });

        var kept = (int)structured["count"]!;
        kept.ShouldBeInRange(1, 99);
        ((bool)structured["truncated"]!).ShouldBeTrue();
        ((int)structured["nextOffset"]!).ShouldBe(kept);
        structured["issues"]!.AsArray().Count.ShouldBe(kept);
        text.ShouldStartWith($"_Cut to {kept} issue(s) to stay within BACKLOG_MAX_TOKENS (3000); the next page starts at offset {kept}._");
        text.ShouldContain($"offset: {kept})");
        new TokenBudget(3000).Fits(text, structured).ShouldBeTrue();

        var (_, next) = await fixture.Server.OkAsync("backlog_get_issue_list", new { projectIdOrKey = "BLG", count = 100, sort = "created", order = "asc", offset = kept });
        ((int)next["offset"]!).ShouldBe(kept);
        var firstKeys = structured["issues"]!.AsArray().Select(i => (string)i!["issueKey"]!).ToHashSet();
        next["issues"]!.AsArray().Select(i => (string)i!["issueKey"]!).ShouldNotContain(k => firstKeys.Contains(k));

        var (_, small) = await fixture.Server.OkAsync("backlog_get_issue_list", new { projectIdOrKey = "BLG", count = 3 });
        ((bool)small["truncated"]!).ShouldBeFalse();
    }
}

public sealed class SmallBudgetFixture : ServerFixture
{
    protected override IDictionary<string, string?> ExtraEnvironment => new Dictionary<string, string?> { ["BACKLOG_MAX_TOKENS"] = "3000" };
}
