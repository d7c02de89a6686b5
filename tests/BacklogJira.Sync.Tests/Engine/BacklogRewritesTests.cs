using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Tests.Engine;

/// <summary>
/// The fault suite's Backlog.md part (issue 15): the CLI rewrites every mapped task (dropping our <c>jira_key</c>
/// mirror, re-quoting, reordering keys), one title changes, one task moves to completed/: every pair survives, the
/// edits reach Jira, the mirrors come back, and nothing is left to do. Archive and demote are in ParkedTasksTests.
/// </summary>
public class BacklogRewritesTests
{
    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task Every_mapped_task_rewritten_by_the_cli_keeps_its_pair_and_syncs()
    {
        await using var world = await SyncWorld.CreateAsync();
        var ids = new List<string>();
        for (var i = 1; i <= 6; i++) ids.Add(await world.CreateTaskAsync($"Task {i}", "-d", $"Text {i}", "-l", "x"));
        foreach (var id in ids) (await world.Creator().CreateAsync(id, null, false, None)).Failed.ShouldBeFalse();
        (await world.RunAsync(SyncMode.Sync)).ShouldAllBe(o => o.State == PairState.InSync);

        foreach (var id in ids) await world.CliAsync("task", "edit", id, "-s", "In Progress");
        world.Store.LoadAll().Tasks.ShouldAllBe(t => MappedTaskResolver.MirrorKey(t) == null, "the CLI dropped every jira_key");
        await world.CliAsync("task", "edit", ids[0], "-t", "Task 1, renamed by the CLI");
        await world.CliAsync("task", "edit", ids[1], "-s", "Done");
        await world.CliAsync("task", "complete", ids[1]);

        var outcomes = await world.RunAsync(SyncMode.Sync);

        outcomes.ShouldAllBe(o => !o.Failed && o.Conflicts.Count == 0);
        outcomes.Count.ShouldBe(6);
        MappingFile.Load(world.Paths).All.Count.ShouldBe(6);
        (await world.Client.GetIssueAsync(MappingFile.Load(world.Paths).ForTask(ids[0])!.JiraKey, None))!.Summary.ShouldBe("Task 1, renamed by the CLI");
        (await world.Client.GetIssueAsync(MappingFile.Load(world.Paths).ForTask(ids[1])!.JiraKey, None))!.Status.Name.ShouldBe("Done");
        foreach (var id in ids.Skip(2))
            (await world.Client.GetIssueAsync(MappingFile.Load(world.Paths).ForTask(id)!.JiraKey, None))!.Status.Name.ShouldBe("In Progress");
        world.Store.LoadAll().Tasks.ShouldAllBe(t => MappedTaskResolver.MirrorKey(t) != null, "the mirrors are back");
        (await world.RunAsync(SyncMode.Status)).ShouldAllBe(o => o.State == PairState.InSync);
    }
}
