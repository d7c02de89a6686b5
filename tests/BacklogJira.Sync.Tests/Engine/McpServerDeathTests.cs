using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;
using BacklogJira.Testing;

namespace BacklogJira.Sync.Tests.Engine;

public class McpServerDeathTests
{
    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task A_server_that_dies_mid_push_fails_those_pairs_clearly_and_the_next_run_finishes_them_without_conflicts()
    {
        await using var world = await SyncWorld.CreateAsync();
        var ids = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            var id = await world.CreateTaskAsync("--", $"Task {i}");
            (await world.Creator().CreateAsync(id, null, false, None)).Error.ShouldBeNull();
            ids.Add(id);
        }
        for (var i = 1; i <= 3; i++) await world.CliAsync("task", "edit", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "-t", $"Task {i} renamed");
        string Snapshots(string id) => File.ReadAllText(world.Paths.Snapshot(id, "backlog")) + File.ReadAllText(world.Paths.Snapshot(id, "jira"));
        var snapshotsBefore = ids.ToDictionary(id => id, Snapshots);

        // One search and three reads, then the server exits on the first write.
        await using var dying = world.Jira.Track(SandboxMcp.Client(world.Jira, "exit-after=4"));
        world.UseSyncClient(dying);
        var failed = await world.RunAsync(SyncMode.Push);
        failed.ShouldAllBe(o => o.Error != null && o.Error.Contains("stopped answering"));
        foreach (var id in ids) Snapshots(id).ShouldBe(snapshotsBefore[id]);

        world.UseSyncClient(world.Client);
        var finished = await world.RunAsync(SyncMode.Sync);
        finished.ShouldAllBe(o => o.Error == null && o.Conflicts.Count == 0);
        finished.ShouldAllBe(o => o.Pushed.SequenceEqual(new[] { "title" }));
        for (var i = 1; i <= 3; i++) (await world.Client.GetIssueAsync($"DEMO-{i}", None))!.Summary.ShouldBe($"Task {i} renamed");
        world.Jira.Sandbox.State.Read(data => data.Issues.Count).ShouldBe(3);
        MappingFile.Load(world.Paths).All.Count.ShouldBe(3);
    }
}
