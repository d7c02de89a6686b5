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

/// <summary>Dynamic toolsets (BACKLOG_DYNAMIC_TOOLSETS): only the named ones start on; the agent lists, inspects and turns
/// on the others, and the client is told the list changed.</summary>
public sealed class DynamicToolsetTests(DynamicToolsetFixture fixture) : IClassFixture<DynamicToolsetFixture>
{
    [Fact]
    public async Task An_agent_turns_a_toolset_on_and_is_told_the_tool_list_changed()
    {
        var client = fixture.Server.Client;
        client.ServerCapabilities.Tools!.ListChanged.ShouldBe(true);
        var before = (await client.ListToolsAsync()).Select(t => t.Name).ToList();
        before.ShouldContain("backlog_get_space");
        before.ShouldContain("backlog_enable_toolset");
        before.ShouldNotContain("backlog_get_wiki");
        (await fixture.Server.ErrorAsync("backlog_get_wiki", new { wikiId = 500 })).ShouldContain("turn it on with backlog_enable_toolset(toolset: \"wiki\")");

        var (_, listed) = await fixture.Server.OkAsync("backlog_list_available_toolsets");
        listed["toolsets"]!.AsArray().Single(t => (string)t!["name"]! == "space")!["currentlyEnabled"]!.GetValue<bool>().ShouldBeTrue();
        listed["toolsets"]!.AsArray().Single(t => (string)t!["name"]! == "wiki")!["currentlyEnabled"]!.GetValue<bool>().ShouldBeFalse();
        (await fixture.Server.OkAsync("backlog_get_toolset_tools", new { toolset = "wiki" })).Text.ShouldContain("backlog_get_wiki_pages");

        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var _ = client.RegisterNotificationHandler(ModelContextProtocol.Protocol.NotificationMethods.ToolListChangedNotification, (_, _) =>
        {
            changed.TrySetResult();
            return ValueTask.CompletedTask;
        });
        var (text, enabled) = await fixture.Server.OkAsync("backlog_enable_toolset", new { toolset = "wiki" });
        enabled["changed"]!.GetValue<bool>().ShouldBeTrue(text);
        await changed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        (await client.ListToolsAsync()).Select(t => t.Name).ShouldContain("backlog_get_wiki");
        (await fixture.Server.OkAsync("backlog_get_wiki", new { wikiId = 503 })).Text.ShouldContain("デプロイ");
        (await fixture.Server.OkAsync("backlog_enable_toolset", new { toolset = "wiki" })).Structured["changed"]!.GetValue<bool>().ShouldBeFalse();
        (await fixture.Server.ErrorAsync("backlog_enable_toolset", new { toolset = "calendar" })).ShouldContain("'calendar' is not a toolset; toolsets: space, project");
    }
}

public sealed class DynamicToolsetFixture : ServerFixture
{
    protected override IDictionary<string, string?> ExtraEnvironment => new Dictionary<string, string?> { ["ENABLE_DYNAMIC_TOOLSETS"] = "true", ["BACKLOG_TOOLSETS"] = "space" };
}

public sealed class ProjectToolsetFixture : ServerFixture
{
    protected override IDictionary<string, string?> ExtraEnvironment => new Dictionary<string, string?> { ["BACKLOG_TOOLSETS"] = "project,space" };
}
