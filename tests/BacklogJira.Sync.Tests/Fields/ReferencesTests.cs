using System.Text.Json.Nodes;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.Fields;
using BacklogJira.Sync.State;
using BacklogJira.Sync.Tests.Engine;
using BacklogJira.Testing;
using Sandbox.Jira;

namespace BacklogJira.Sync.Tests.Fields;

/// <summary>Issue 16: the task's references ⇄ the issue's web links (docs/sync.md, "References"), with references set
/// by the real CLI and links kept by the sandbox.</summary>
public class ReferencesTests
{
    private static CancellationToken None => CancellationToken.None;

    private static void ReferencesOn(JsonObject config) => config["sync"]!["fields"] = new JsonObject { ["references"] = true };

    private static async Task<List<string>> LinksAsync(SyncWorld world, string key) =>
        [.. (await world.Client.GetRemoteLinksAsync(key, None)).Select(l => l.Url)];

    [Theory]
    [InlineData(SandboxMode.Cloud)]
    [InlineData(SandboxMode.DataCenter)]
    public async Task References_travel_as_web_links_both_ways_and_paths_stay_in_the_task(SandboxMode mode)
    {
        await using var world = await SyncWorld.CreateAsync(ReferencesOn, mode);
        var id = await world.CreateTaskAsync("--ref", "https://example.com/spec", "--ref", "src/app.ts", "--", "Linked work");

        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        var links = await world.Client.GetRemoteLinksAsync(key, None);
        links.Select(l => l.Url).ShouldBe(["https://example.com/spec"]);
        links.Single().GlobalId.ShouldBe(ReferencesField.GlobalId("https://example.com/spec"));
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.InSync);

        // Added in Jira's UI: no global id, a title of its own.
        await world.Client.UpsertRemoteLinkAsync(key, new JiraRemoteLink(null, "https://wiki.example.com/design", "Design page"), None);
        (await world.RunAsync(SyncMode.Sync)).Single().Pulled.ShouldBe(["references"]);
        world.Store.Get(id).References.ShouldBe(["src/app.ts", "https://example.com/spec", "https://wiki.example.com/design"], ignoreOrder: true);

        await world.CliAsync("task", "edit", id, "--ref", "src/app.ts", "--ref", "https://wiki.example.com/design");
        (await world.RunAsync(SyncMode.Sync)).Single().Pushed.ShouldBe(["references"]);
        (await LinksAsync(world, key)).ShouldBe(["https://wiki.example.com/design"]);
        (await world.Client.GetRemoteLinksAsync(key, None)).Single().Title.ShouldBe("Design page");
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.InSync);
    }

    [Fact]
    public async Task A_link_added_on_each_side_is_merged_not_a_conflict_and_each_is_kept_once()
    {
        await using var world = await SyncWorld.CreateAsync(ReferencesOn);
        var id = await world.CreateTaskAsync("--ref", "https://a.example.com", "--", "Both sides");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;

        await world.CliAsync("task", "edit", id, "--ref", "https://a.example.com", "--ref", "https://b.example.com");
        await world.Client.UpsertRemoteLinkAsync(key, new JiraRemoteLink(null, "https://c.example.com", "C"), None);
        await world.Client.UpsertRemoteLinkAsync(key, new JiraRemoteLink(null, "https://b.example.com", "B, also added in Jira"), None);
        var outcome = (await world.RunAsync(SyncMode.Sync)).Single();

        outcome.State.ShouldBe(PairState.NeedsBoth, "merged, written both ways: no conflict");
        world.Store.Get(id).References.ShouldBe(["https://a.example.com", "https://b.example.com", "https://c.example.com"], ignoreOrder: true);
        (await LinksAsync(world, key)).ShouldBe(["https://a.example.com", "https://c.example.com", "https://b.example.com"], ignoreOrder: true);
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.InSync);
    }

    [Fact]
    public async Task A_link_deleted_in_jira_leaves_the_task_and_a_retried_push_makes_no_second_link()
    {
        await using var world = await SyncWorld.CreateAsync(ReferencesOn);
        var id = await world.CreateTaskAsync("--ref", "https://a.example.com", "--ref", "https://b.example.com", "--ref", "TASK-9", "--", "Deletions");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        var b = (await world.Client.GetRemoteLinksAsync(key, None)).Single(l => l.Url == "https://b.example.com");

        await world.Client.DeleteRemoteLinkAsync(key, b.Id!, None);
        await world.Client.DeleteRemoteLinkAsync(key, b.Id!, None);
        (await world.RunAsync(SyncMode.Sync)).Single().Pulled.ShouldBe(["references"]);
        world.Store.Get(id).References.ShouldBe(["https://a.example.com", "TASK-9"], ignoreOrder: true);

        // The same write twice (a run cut off after Jira took it): one link, found by its global id.
        await world.Client.UpsertRemoteLinkAsync(key, new JiraRemoteLink(ReferencesField.GlobalId("https://a.example.com"), "https://a.example.com", "https://a.example.com"), None);
        (await LinksAsync(world, key)).ShouldBe(["https://a.example.com"]);
    }

    [Fact]
    public async Task Turned_on_for_a_pair_that_already_differs_keeps_the_links_of_both_sides()
    {
        await using var world = await SyncWorld.CreateAsync();
        var id = await world.CreateTaskAsync("--ref", "https://task.example.com", "--", "Existing pair");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        (await LinksAsync(world, key)).ShouldBeEmpty();
        await world.Client.UpsertRemoteLinkAsync(key, new JiraRemoteLink(null, "https://issue.example.com", "From Jira"), None);
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.InSync);

        var config = SyncConfig.Load(world.Paths).Json;
        ReferencesOn(config);
        await SyncConfig.SaveAsync(world.Paths, config, None);
        world.UseSyncClient(world.Jira.ClientFor(JiraTransport.Rest, remoteLinks: true));
        var outcome = (await world.RunAsync(SyncMode.Sync)).Single();

        outcome.State.ShouldBe(PairState.NeedsBoth, "united, written both ways: no conflict");
        world.Store.Get(id).References.ShouldBe(["https://task.example.com", "https://issue.example.com"], ignoreOrder: true);
        (await LinksAsync(world, key)).ShouldBe(["https://issue.example.com", "https://task.example.com"], ignoreOrder: true);
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.InSync);
    }

    [Fact]
    public async Task Off_by_default_no_link_is_read_or_written()
    {
        await using var world = await SyncWorld.CreateAsync();
        var id = await world.CreateTaskAsync("--ref", "https://example.com", "--", "Default config");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        await world.RunAsync(SyncMode.Sync);

        (await LinksAsync(world, key)).ShouldBeEmpty();
        world.Jira.Sandbox.Counters.ByEndpoint.Keys.Count(k => k.Contains("remotelink", StringComparison.Ordinal)).ShouldBe(1, "only this test's own read");
        world.Store.Get(id).References.ShouldBe(["https://example.com"]);
    }

    [Fact]
    public async Task Import_brings_the_issue_s_web_links_into_the_new_task()
    {
        await using var world = await SyncWorld.CreateAsync(ReferencesOn);
        var created = await world.Client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "Has links" }, None);
        await world.Client.UpsertRemoteLinkAsync(created.Key, new JiraRemoteLink(null, "https://docs.example.com/x", "Docs"), None);

        var outcome = (await world.Importer().ImportAsync($"key = {created.Key}", false, None)).Single();

        world.Store.Get(outcome.TaskId).References.ShouldBe(["https://docs.example.com/x"]);
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.InSync);
    }

    [Fact]
    public async Task The_mcp_transport_refuses_references_before_anything_is_written()
    {
        await using var world = await SyncWorld.CreateAsync(ReferencesOn, transport: JiraTransport.Mcp);
        var id = await world.CreateTaskAsync("--ref", "https://example.com", "--", "Over MCP");

        var error = await Should.ThrowAsync<SyncConfigException>(() => world.Creator().CreateAsync(id, null, false, None));

        error.Message.ShouldContain("sync.fields.references");
        error.Message.ShouldContain("jira.transport to \"rest\"");
    }
}
