using System.Text.Json.Nodes;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;
using BacklogJira.Sync.Tests.Engine;
using BacklogJira.Testing;
using Sandbox.Jira;

namespace BacklogJira.Sync.Tests.Fields;

/// <summary>Issue 17, dependencies ⇄ issue links (docs/sync.md, "Dependencies"): dependencies set by the real CLI,
/// links kept by the sandbox with Jira's direction rules.</summary>
public class DependenciesTests
{
    private static CancellationToken None => CancellationToken.None;

    private static void DependenciesOn(JsonObject config) => config["sync"]!["fields"] = new JsonObject { ["dependencies"] = true };

    /// <summary>The keys of the issues that block <paramref name="key"/>, read as a client that is not ours would.</summary>
    private static async Task<List<string>> BlockersAsync(SyncWorld world, string key)
    {
        using var client = world.Jira.Client(s => s with { IssueLinks = true });
        return [.. (await client.GetIssueAsync(key, None))!.Links!.Where(l => l.TypeName == "Blocks" && !l.Outward).Select(l => l.OtherKey)];
    }

    [Theory]
    [InlineData(SandboxMode.Cloud)]
    [InlineData(SandboxMode.DataCenter)]
    public async Task A_dependency_becomes_a_blocks_link_and_a_link_made_in_jira_becomes_a_dependency(SandboxMode mode)
    {
        await using var world = await SyncWorld.CreateAsync(DependenciesOn, mode);
        var first = await world.CreateTaskAsync("--", "Foundation");
        var second = await world.CreateTaskAsync("--", "Walls");
        var third = await world.CreateTaskAsync("--dep", first, "--", "Roof");
        var keys = new Dictionary<string, string>();
        foreach (var id in new[] { first, second, third }) keys[id] = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;

        (await BlockersAsync(world, keys[third])).ShouldBe([keys[first]]);
        // Jira's history on the blocker says it the other way round.
        world.Jira.Sandbox.State.Read(d => d.Issues.Single(i => i.Key == keys[first]).Histories.SelectMany(h => h.Items).Select(i => i.ToText))
            .ShouldContain($"This issue blocks {keys[third]}");
        (await world.RunAsync(SyncMode.Status)).ShouldAllBe(o => o.State == PairState.InSync);

        // In Jira, Walls now blocks Roof as well.
        await world.Client.CreateIssueLinkAsync("Blocks", keys[second], keys[third], None);
        var pulled = (await world.RunAsync(SyncMode.Sync)).Single(o => o.TaskId == third);
        pulled.Pulled.ShouldBe(["dependencies"]);
        world.Store.Get(third).Dependencies.ShouldBe([first, second], ignoreOrder: true);

        // The CLI drops the first: the link goes, the other stays.
        await world.CliAsync("task", "edit", third, "--dep", second);
        (await world.RunAsync(SyncMode.Sync)).Single(o => o.TaskId == third).Pushed.ShouldBe(["dependencies"]);
        (await BlockersAsync(world, keys[third])).ShouldBe([keys[second]]);
        (await world.RunAsync(SyncMode.Status)).ShouldAllBe(o => o.State == PairState.InSync);
    }

    [Fact]
    public async Task Issues_imported_together_keep_their_link_as_a_dependency_between_the_new_tasks()
    {
        await using var world = await SyncWorld.CreateAsync(DependenciesOn);
        var blocker = await world.Client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "Foundation" }, None);
        var blocked = await world.Client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "Roof" }, None);
        await world.Client.CreateIssueLinkAsync("Blocks", blocker.Key, blocked.Key, None);

        var imported = await world.Importer().ImportAsync("project = DEMO", false, None);

        imported.ShouldAllBe(o => !o.Failed);
        var mappings = MappingFile.Load(world.Paths);
        var roof = mappings.ForIssue(blocked.Key)!.TaskId;
        // Before: the import read the link with the pairs as they were before it made any, so the dependency waited
        // for the next sync.
        world.Store.Get(roof).Dependencies.ShouldBe([mappings.ForIssue(blocker.Key)!.TaskId]);
        (await world.RunAsync(SyncMode.Status)).ShouldAllBe(o => o.State == PairState.InSync);
    }

    [Fact]
    public async Task A_dependency_on_a_task_with_no_issue_and_a_link_to_an_issue_with_no_task_stay_where_they_are()
    {
        await using var world = await SyncWorld.CreateAsync(DependenciesOn);
        var local = await world.CreateTaskAsync("--", "Only in Backlog");
        var id = await world.CreateTaskAsync("--dep", local, "--", "Depends on a local task");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        var foreign = await world.Client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "Only in Jira" }, None);
        await world.Client.CreateIssueLinkAsync("Blocks", foreign.Key, key, None);
        await world.Client.CreateIssueLinkAsync("Relates", foreign.Key, key, None);

        var outcome = (await world.RunAsync(SyncMode.Sync)).Single();

        outcome.State.ShouldBe(PairState.InSync);
        world.Store.Get(id).Dependencies.ShouldBe([local]);
        (await BlockersAsync(world, key)).ShouldBe([foreign.Key]);
        outcome.Fields.Single(f => f.Field == "dependencies").Backlog.ShouldContain("backlog:" + local);
        outcome.Fields.Single(f => f.Field == "dependencies").Jira.ShouldContain("jira:" + foreign.Key);

        // Once the local task has its issue, the link is made.
        var localKey = (await world.Creator().CreateAsync(local, null, false, None)).JiraKey!;
        (await world.RunAsync(SyncMode.Sync)).Single(o => o.TaskId == id).Pushed.ShouldBe(["dependencies"]);
        (await BlockersAsync(world, key)).ShouldBe([foreign.Key, localKey], ignoreOrder: true);
    }

    [Fact]
    public async Task A_link_added_on_each_side_is_merged_and_over_mcp_the_field_is_refused()
    {
        await using var world = await SyncWorld.CreateAsync(DependenciesOn);
        var a = await world.CreateTaskAsync("--", "A");
        var b = await world.CreateTaskAsync("--", "B");
        var c = await world.CreateTaskAsync("--", "C");
        var keys = new Dictionary<string, string>();
        foreach (var id in new[] { a, b, c }) keys[id] = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;

        await world.CliAsync("task", "edit", c, "--dep", a);
        await world.Client.CreateIssueLinkAsync("Blocks", keys[b], keys[c], None);
        var merged = (await world.RunAsync(SyncMode.Sync)).Single(o => o.TaskId == c);

        merged.Conflicts.ShouldBeEmpty();
        world.Store.Get(c).Dependencies.ShouldBe([a, b], ignoreOrder: true);
        (await BlockersAsync(world, keys[c])).ShouldBe([keys[a], keys[b]], ignoreOrder: true);
        world.Jira.Sandbox.Counters.Reset();
        (await world.RunAsync(SyncMode.Sync)).ShouldAllBe(o => o.Pushed.Count == 0 && o.Pulled.Count == 0);
        world.JiraWrites.ShouldBe(0);

        await using var mcp = await SyncWorld.CreateAsync(DependenciesOn, transport: JiraTransport.Mcp);
        var task = await mcp.CreateTaskAsync("--", "Over MCP");
        (await Should.ThrowAsync<SyncConfigException>(() => mcp.Creator().CreateAsync(task, null, false, None))).Message.ShouldContain("sync.fields.dependencies");
    }
}
