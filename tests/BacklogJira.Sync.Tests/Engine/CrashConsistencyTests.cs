using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Merge;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Tests.Engine;

/// <summary>
/// Issue 14, cases 10 and 11: a run cut off at the exact point between two writes (a kill, simulated by a throw at the
/// engine's checkpoint), or an answer lost after Jira applied a transition, is recognised and resumed by the next run:
/// no user edit is undone, no false conflict, no pair left on an intermediate status.
/// </summary>
public class CrashConsistencyTests
{
    private static CancellationToken None => CancellationToken.None;

    private sealed class Killed() : Exception("killed at the checkpoint");

    private static Task<IReadOnlyList<PairOutcome>> RunKilledAtAsync(SyncWorld world, string checkpoint) =>
        new SyncEngine(world.Store, world.SyncClient, SyncConfig.Load(world.Paths), world.Paths, TimeProvider.System, world.Jira.Sandbox.BaseUrl.ToString())
        {
            Checkpoint = point => point == checkpoint ? throw new Killed() : Task.CompletedTask,
        }.RunAsync(new SyncRequest { Mode = SyncMode.Sync, Strategy = ConflictStrategy.Manual }, None);

    private static async Task<(SyncWorld World, string Id, string Key)> PairAsync(string title = "A", params string[] extra)
    {
        var world = await SyncWorld.CreateAsync();
        var id = await world.CreateTaskAsync([.. extra, "--", title]);
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        (await world.RunAsync(SyncMode.Sync)).Single().State.ShouldBe(PairState.InSync);
        return (world, id, key);
    }

    [Theory]
    [InlineData("A", "A")]
    [InlineData("C", "C")]
    public async Task Killed_after_the_jira_write_a_later_revert_or_edit_in_backlog_wins(string userTitle, string expected)
    {
        var (world, id, key) = await PairAsync();
        await using var _ = world;
        await world.Store.UpdateAsync(id, _ => new TaskEdit { Title = "B" }, None);
        (await RunKilledAtAsync(world, SyncEngine.CheckpointJiraWritten)).Single().Error!.ShouldContain("killed");
        (await world.Client.GetIssueAsync(key, None))!.Summary.ShouldBe("B", "Jira took the write before the kill");
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(world.Paths.Journal(id))!, ".gitignore")).ShouldBe("*\n", "the journal never reaches git");

        await world.Store.UpdateAsync(id, _ => new TaskEdit { Title = userTitle }, None);
        var next = (await world.RunAsync(SyncMode.Sync, ConflictStrategy.Manual)).Single();
        next.Conflicts.ShouldBeEmpty();
        next.Pulled.ShouldBeEmpty("the user's title must not be overwritten by the interrupted write");
        next.Pushed.ShouldBe(["title"]);
        world.Store.Get(id).Title.ShouldBe(expected);
        (await world.Client.GetIssueAsync(key, None))!.Summary.ShouldBe(expected);
        File.Exists(world.Paths.Journal(id)).ShouldBeFalse();
    }

    /// <summary>Web links merge link by link and are written to both sides in one run: killed between the two, the link
    /// only Jira had must still reach the task, and must not read as removed in Backlog (which would delete it in Jira).</summary>
    [Fact]
    public async Task Killed_between_the_two_writes_of_a_merged_field_both_links_survive()
    {
        await using var world = await SyncWorld.CreateAsync(config => config["sync"]!["fields"] = new System.Text.Json.Nodes.JsonObject { ["references"] = true });
        var id = await world.CreateTaskAsync("--", "Links");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        (await world.RunAsync(SyncMode.Sync)).Single().State.ShouldBe(PairState.InSync);
        await world.Store.UpdateAsync(id, _ => new TaskEdit { References = ["https://backlog.example/a"] }, None);
        await world.Client.UpsertRemoteLinkAsync(key, new JiraRemoteLink(null, "https://jira.example/b", "B"), None);
        (await RunKilledAtAsync(world, SyncEngine.CheckpointJiraWritten)).Single().Error!.ShouldContain("killed");
        world.Store.Get(id).References.ShouldBe(["https://backlog.example/a"], "the task was not written before the kill");

        var next = (await world.RunAsync(SyncMode.Sync, ConflictStrategy.Manual)).Single();
        next.Conflicts.ShouldBeEmpty();
        world.Store.Get(id).References.Order().ShouldBe(["https://backlog.example/a", "https://jira.example/b"]);
        (await world.Client.GetRemoteLinksAsync(key, None)).Select(l => l.Url).Order().ShouldBe(["https://backlog.example/a", "https://jira.example/b"]);
    }

    [Fact]
    public async Task Killed_after_the_task_write_a_later_revert_in_jira_wins()
    {
        var (world, id, key) = await PairAsync();
        await using var _ = world;
        await world.Client.UpdateIssueAsync(key, new JiraIssueUpdate { Summary = "J" }, None);
        (await RunKilledAtAsync(world, SyncEngine.CheckpointBacklogWritten)).Single().Error!.ShouldContain("killed");
        world.Store.Get(id).Title.ShouldBe("J", "the task took the write before the kill");

        await world.Client.UpdateIssueAsync(key, new JiraIssueUpdate { Summary = "A" }, None);
        var next = (await world.RunAsync(SyncMode.Sync, ConflictStrategy.Manual)).Single();
        next.Conflicts.ShouldBeEmpty();
        next.Pulled.ShouldBe(["title"]);
        world.Store.Get(id).Title.ShouldBe("A");
        (await world.Client.GetIssueAsync(key, None))!.Summary.ShouldBe("A");
    }

    [Theory]
    [InlineData(ConflictStrategy.Manual)]
    [InlineData(ConflictStrategy.PreferJira)]
    public async Task A_workflow_walk_whose_answer_was_lost_resumes_from_wherever_jira_is(ConflictStrategy strategy)
    {
        var (world, id, key) = await PairAsync("Walk me");
        await using var _ = world;
        await world.CliAsync("task", "edit", id.Split('-')[1], "-s", "Done");
        // To Do → In Progress → In Review → Done: the second hop is applied by Jira, its answer never arrives.
        world.Jira.Sandbox.Faults.LoseAnswers("POST /rest/api/3/issue/{issueIdOrKey}/transitions", 1);
        var cut = (await world.RunAsync(SyncMode.Sync, ConflictStrategy.Manual)).Single();
        cut.Failed.ShouldBeTrue();
        var stranded = (await world.Client.GetIssueAsync(key, None))!.Status.Name;
        stranded.ShouldNotBe("Done");
        stranded.ShouldNotBe("To Do");

        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.NeedsPush, "an interrupted walk is ours, not a Jira change");
        var resumed = (await world.RunAsync(SyncMode.Sync, strategy)).Single();
        resumed.Error.ShouldBeNull();
        resumed.Conflicts.ShouldBeEmpty();
        resumed.Pushed.ShouldBe(["status"]);
        (await world.Client.GetIssueAsync(key, None))!.Status.Name.ShouldBe("Done");
        world.Store.Get(id).Status.ShouldBe("Done");
        (await world.RunAsync(SyncMode.Sync, ConflictStrategy.Manual)).Single().State.ShouldBe(PairState.InSync);
    }

    [Fact]
    public async Task A_create_issue_cut_off_during_its_walk_is_not_called_in_sync()
    {
        await using var world = await SyncWorld.CreateAsync();
        var id = await world.CreateTaskAsync("-s", "Done", "--", "Already done");
        world.Jira.Sandbox.Faults.LoseAnswers("POST /rest/api/3/issue/{issueIdOrKey}/transitions", 1);
        await Should.ThrowAsync<Exception>(() => world.Creator().CreateAsync(id, null, false, None));
        var key = MappingFile.Load(world.Paths).ForTask(id)!.JiraKey;
        (await world.Client.GetIssueAsync(key, None))!.Status.Name.ShouldNotBe("Done");

        foreach (var full in new[] { false, true })
        {
            var status = (await world.Engine().RunAsync(new SyncRequest { Mode = SyncMode.Status, FullRead = full }, None)).Single();
            status.State.ShouldNotBe(PairState.InSync, $"full read: {full}");
            status.Decisions.Single(d => d.Field == "status").Action.ShouldBe(FieldAction.PushToJira, $"full read: {full}");
        }
        var synced = (await world.RunAsync(SyncMode.Sync, ConflictStrategy.PreferJira)).Single();
        synced.Pushed.ShouldContain("status");
        (await world.Client.GetIssueAsync(key, None))!.Status.Name.ShouldBe("Done");
        world.Store.Get(id).Status.ShouldBe("Done");
    }
}
