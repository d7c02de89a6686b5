namespace BacklogMcp.Tests;

/// <summary>Issue 20: BACKLOG_TOOLSETS limits what a real MCP client sees, and a tool outside the chosen sets cannot be
/// called.</summary>
public sealed class ToolsetTests(ProjectToolsetFixture fixture) : IClassFixture<ProjectToolsetFixture>
{
    [Fact]
    public async Task Only_the_chosen_toolsets_tools_are_listed_and_callable()
    {
        var tools = await fixture.Server.Client.ListToolsAsync();
        tools.Select(t => t.Name).Order(StringComparer.Ordinal).ShouldBe(["backlog_get_myself", "backlog_get_project", "backlog_get_projects", "backlog_get_space", "backlog_get_space_activities", "backlog_get_user_recent_updates", "backlog_get_user_stars_count", "backlog_get_users"]);
        (await fixture.Server.OkAsync("backlog_get_projects", new { })).Text.ShouldContain("BLG");
        (await fixture.Server.ErrorAsync("backlog_get_issue_list", new { projectIdOrKey = "BLG" }))
            .ShouldContain("backlog_get_issue_list is in the 'issue' toolset, which this server was not started with; add it to BACKLOG_TOOLSETS");
        (await fixture.Server.ErrorAsync("backlog_get_wiki", new { wikiId = 500 })).ShouldContain("backlog_get_wiki is in the 'wiki' toolset");
    }
}

public sealed class ProjectToolsetFixture : ServerFixture
{
    protected override IDictionary<string, string?> ExtraEnvironment => new Dictionary<string, string?> { ["BACKLOG_TOOLSETS"] = "project,space" };
}
