using BacklogJira.Testing;
using System.Text.Json.Nodes;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;
using BacklogJira.Sync.Tests.Engine;
using Sandbox.Jira;

namespace BacklogJira.Sync.Tests.Fields;

/// <summary>Issue 17, milestones as sprints (docs/sync.md, "Milestones"): with <c>jira.milestoneAs</c> "sprint" a task's
/// milestone (made with the real CLI) follows the issue's sprint both ways through the Agile API, on Cloud (sprint
/// objects) and Data Center (the string form); closed sprints are left alone, and nothing waits silently.</summary>
public class SprintMilestoneTests
{
    private static CancellationToken None => CancellationToken.None;

    private static void AsSprints(JsonObject config) => config["jira"]!["milestoneAs"] = "sprint";

    private static async Task<JsonNode> AgileAsync(SyncWorld world, string path, string body)
    {
        using var http = world.Jira.Http();
        var response = await http.PostAsync($"/rest/agile/1.0{path}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(text);
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    private static async Task<long> SprintAsync(SyncWorld world, string name) =>
        (await AgileAsync(world, "/sprint", $$"""{"name":"{{name}}","originBoardId":1}"""))["id"]!.GetValue<long>();

    private static async Task<IReadOnlyList<string>> SprintNamesAsync(SyncWorld world, string key) =>
        [.. (await world.SyncClient.GetIssueAsync(key, None))!.Sprints!.Select(s => s.Name)];

    [Theory]
    [InlineData(SandboxMode.Cloud)]
    [InlineData(SandboxMode.DataCenter)]
    public async Task A_milestone_follows_the_issue_s_sprint_both_ways_and_a_second_run_writes_nothing(SandboxMode mode)
    {
        await using var world = await SyncWorld.CreateAsync(AsSprints, mode);
        await world.CliAsync("milestone", "add", "Sprint 1");
        await world.CliAsync("milestone", "add", "Sprint 2");
        await SprintAsync(world, "Sprint 1");
        var second = await SprintAsync(world, "Sprint 2");

        // create-issue puts the new issue into the sprint its milestone names.
        var id = await world.CreateTaskAsync("-m", "Sprint 1", "--", "Planned work");
        var created = await world.Creator().CreateAsync(id, null, false, None);
        created.Error.ShouldBeNull();
        var key = created.JiraKey!;
        (await SprintNamesAsync(world, key)).ShouldBe(["Sprint 1"]);
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.InSync);

        // Moved in Jira: the task's milestone follows, as the CLI's milestone id.
        await AgileAsync(world, $"/sprint/{second}/issue", $$"""{"issues":["{{key}}"]}""");
        (await world.RunAsync(SyncMode.Sync)).Single().Pulled.ShouldBe(["milestone"]);
        world.Store.Get(id).Milestone.ShouldBe("m-1");

        // Cleared in Backlog: the issue goes back to the backlog.
        await world.CliAsync("task", "edit", id, "-m", "");
        var cleared = (await world.RunAsync(SyncMode.Sync)).Single();
        cleared.Pushed.ShouldBe(["milestone"]);
        (await SprintNamesAsync(world, key)).ShouldBeEmpty();
        (await world.RunAsync(SyncMode.Sync)).ShouldAllBe(o => o.State == PairState.InSync && o.Pushed.Count == 0 && o.Pulled.Count == 0);
    }

    [Fact]
    public async Task Closed_sprints_are_left_alone_and_a_sprint_jira_lacks_waits_with_the_reason()
    {
        await using var world = await SyncWorld.CreateAsync(AsSprints);
        var first = await SprintAsync(world, "Sprint 1");
        var id = await world.CreateTaskAsync("-m", "Sprint 1", "--", "Done in sprint 1");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        await AgileAsync(world, $"/sprint/{first}", """{"state":"active","startDate":"2026-11-02T09:00:00Z","endDate":"2026-11-16T09:00:00Z"}""");
        await AgileAsync(world, $"/sprint/{first}", """{"state":"closed"}""");

        // The issue keeps its closed sprint: the milestone agrees, nothing moves.
        (await world.RunAsync(SyncMode.Sync)).Single().State.ShouldBe(PairState.InSync);

        // Emptied in Backlog: the closed sprint stays in Jira, the pair says so and records nothing as agreed.
        await world.CliAsync("task", "edit", id, "-m", "");
        var kept = (await world.RunAsync(SyncMode.Sync)).Single();
        kept.Warnings.ShouldContain(w => w.Contains("is closed, and closed sprints are left alone"));
        (await SprintNamesAsync(world, key)).ShouldBe(["Sprint 1"]);
        world.Store.Get(id).Milestone.ShouldBeNull();
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.NeedsPush);

        // A sprint Jira does not have (sprints are planned in Jira) waits too, and moves once it exists.
        await world.CliAsync("task", "edit", id, "-m", "Sprint 3");
        (await world.RunAsync(SyncMode.Sync)).Single().Warnings.ShouldContain(w => w.Contains("milestone \"Sprint 3\" has no future or active sprint"));
        await SprintAsync(world, "Sprint 3");
        (await world.RunAsync(SyncMode.Sync)).Single().Pushed.ShouldBe(["milestone"]);
        (await SprintNamesAsync(world, key)).ShouldBe(["Sprint 1", "Sprint 3"]);
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.InSync);
    }

    [Fact]
    public async Task Import_takes_the_sprint_as_milestone_and_the_mcp_transport_is_refused_with_the_fix()
    {
        await using var world = await SyncWorld.CreateAsync(AsSprints);
        var sprint = await SprintAsync(world, "Sprint 7");
        var issue = await world.Client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "From Jira" }, None);
        await AgileAsync(world, $"/sprint/{sprint}/issue", $$"""{"issues":["{{issue.Key}}"]}""");

        var imported = (await world.Importer().ImportAsync("sprint in openSprints()", false, None)).Single();
        imported.Error.ShouldBeNull();
        world.Store.Get(imported.TaskId).Milestone.ShouldBe("Sprint 7");

        await using var mcp = await SyncWorld.CreateAsync(AsSprints, transport: JiraTransport.Mcp);
        var refused = await Should.ThrowAsync<SyncConfigException>(() => mcp.RunAsync(SyncMode.Status));
        refused.Message.ShouldContain("jira.milestoneAs \"sprint\"");
    }
}
