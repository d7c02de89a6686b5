using BacklogJira.Core.Merge;
using BacklogJira.Sync.Engine;

namespace BacklogJira.Sync.Tests.Engine;

/// <summary>Issue 15, item 16: an archived task and a task demoted to a draft leave their issue alone and keep the link,
/// reported as a state, not a failure; a completed task keeps syncing.</summary>
public class ParkedTasksTests
{
    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task Archived_demoted_and_completed_tasks_are_each_what_they_are()
    {
        await using var world = await SyncWorld.CreateAsync();
        var archived = await world.CreateTaskAsync("--", "To archive");
        var demoted = await world.CreateTaskAsync("--", "To demote");
        var completed = await world.CreateTaskAsync("--", "To complete");
        foreach (var id in new[] { archived, demoted, completed }) await world.Creator().CreateAsync(id, null, false, None);
        await world.CliAsync("task", "archive", "1");
        await world.CliAsync("task", "demote", "2");
        await world.CliAsync("task", "edit", "3", "-s", "Done");
        await world.CliAsync("task", "complete", "3");
        world.Jira.Sandbox.Counters.Reset();

        var outcomes = await world.RunAsync(SyncMode.Sync, ConflictStrategy.PreferBacklog);

        outcomes.ShouldAllBe(o => !o.Failed);
        var archivedPair = outcomes.Single(o => o.TaskId == archived);
        archivedPair.State.ShouldBe(PairState.Archived);
        archivedPair.Warnings.ShouldHaveSingleItem().ShouldContain("link is kept");
        var demotedPair = outcomes.Single(o => o.TaskId == demoted);
        demotedPair.State.ShouldBe(PairState.Draft);
        demotedPair.Warnings.ShouldHaveSingleItem().ShouldContain("demoted to DRAFT-");
        demotedPair.Warnings.Single().ShouldNotContain("no longer exists");
        outcomes.Single(o => o.TaskId == completed).Pushed.ShouldContain("status");
        (await world.Client.GetIssueAsync("DEMO-3", None))!.Status.Name.ShouldBe("Done");
        (await world.Client.GetIssueAsync("DEMO-1", None))!.Summary.ShouldBe("To archive");
        BacklogJira.Sync.State.MappingFile.Load(world.Paths).All.Count.ShouldBe(3, "every link is kept");
    }
}
