using BacklogJira.Core.Merge;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.Engine;
using BacklogJira.Testing;

namespace BacklogJira.Sync.Tests.Engine;

/// <summary>A whole-project run reports settled, unchanged pairs in sync without reading their task file, and never
/// skips one whose file, snapshot or issue moved, or that a cut-off run left a journal for.</summary>
public class UnchangedPairsTests
{
    private static CancellationToken None => CancellationToken.None;

    private static async Task<(IReadOnlyList<PairOutcome> Outcomes, SyncTimings Timings)> SyncAsync(SyncWorld world)
    {
        var timings = new SyncTimings();
        var outcomes = await world.Engine().RunAsync(new SyncRequest { Mode = SyncMode.Sync, Strategy = ConflictStrategy.Manual, Timings = timings }, None);
        return (outcomes, timings);
    }

    /// <summary>Files written a moment ago are never fingerprinted (a same-size edit in the same timestamp tick would go
    /// unseen); the test ages them instead of sleeping.</summary>
    private static void Age(SyncWorld world, params string[] ids)
    {
        foreach (var id in ids) File.SetLastWriteTimeUtc(world.TaskFile(id), TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-5));
    }

    [Fact]
    public async Task Unchanged_pairs_are_skipped_and_any_change_brings_a_pair_back()
    {
        // Issues last changed a day ago: the incremental read (with its 10-minute overlap) then does not return them.
        var jiraClock = new OffsetClock { Offset = TimeSpan.FromDays(-1) };
        await using var world = await SyncWorld.CreateAsync(jiraClock: jiraClock);
        var first = await world.CreateTaskAsync("-d", "One", "--", "First");
        var second = await world.CreateTaskAsync("-d", "Two", "--", "Second");
        var firstKey = (await world.Creator().CreateAsync(first, null, false, None)).JiraKey!;
        await world.Creator().CreateAsync(second, null, false, None);
        (await SyncAsync(world)).Outcomes.ShouldAllBe(o => o.State == PairState.InSync);
        Age(world, first, second);
        (await SyncAsync(world)).Timings.PairsSkipped.ShouldBe(0, "the run that takes the fingerprints still merges");

        var (outcomes, timings) = await SyncAsync(world);
        timings.PairsSkipped.ShouldBe(2);
        timings.TasksParsed.ShouldBe(0);
        outcomes.ShouldAllBe(o => o.State == PairState.InSync);

        // A task edit (through the real CLI) and a Jira edit (made now) each bring their pair back into the merge.
        jiraClock.Offset = TimeSpan.Zero;
        await world.CliAsync("task", "edit", first.Split('-')[1], "-t", "First, edited");
        (await SyncAsync(world)).Outcomes.Single(o => o.TaskId == first).Pushed.ShouldBe(["title"]);
        await world.Client.UpdateIssueAsync(firstKey, new JiraIssueUpdate { Summary = "From Jira" }, None);
        var pulled = await SyncAsync(world);
        pulled.Outcomes.Single(o => o.TaskId == first).Pulled.ShouldBe(["title"]);
        pulled.Timings.PairsSkipped.ShouldBe(1);
        world.Store.Get(first).Title.ShouldBe("From Jira");

        // A journal left by a cut-off run: never skipped. (The first pair's issue changed minutes ago, within the read's
        // overlap: Jira returns it again, so it is merged again.)
        Age(world, first, second);
        await SyncAsync(world);
        (await SyncAsync(world)).Timings.PairsSkipped.ShouldBe(1);
        Directory.CreateDirectory(Path.GetDirectoryName(world.Paths.Journal(second))!);
        File.WriteAllText(world.Paths.Journal(second), """{"taskId":"x","entries":[]}""");
        (await SyncAsync(world)).Timings.PairsSkipped.ShouldBe(0);
    }

    [Fact]
    public async Task A_full_read_merges_every_pair_and_fingerprints_what_it_settles_for_the_next_run()
    {
        await using var world = await SyncWorld.CreateAsync(jiraClock: new OffsetClock { Offset = TimeSpan.FromDays(-1) });
        var (first, second) = (await world.CreateTaskAsync("-d", "One", "--", "First"), await world.CreateTaskAsync("-d", "Two", "--", "Second"));
        foreach (var id in new[] { first, second }) await world.Creator().CreateAsync(id, null, false, None);
        await SyncAsync(world);
        Age(world, first, second);

        var timings = new SyncTimings();
        await world.Engine().RunAsync(new SyncRequest { Mode = SyncMode.Sync, FullRead = true, Timings = timings }, None);
        timings.PairsSkipped.ShouldBe(0, "--full reads and merges every pair");
        timings.TasksParsed.ShouldBe(2);
        File.Exists(world.Paths.PairCache).ShouldBeTrue();

        var (outcomes, next) = await SyncAsync(world);
        next.PairsSkipped.ShouldBe(2, "the pairs the full read found settled");
        outcomes.ShouldAllBe(o => o.State == PairState.InSync);
    }
}
