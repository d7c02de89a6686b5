using BacklogJira.Core.Merge;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.Engine;

namespace BacklogJira.Sync.Tests.Engine;

/// <summary>Issue 15, item 7: under watch, a conflict that stands is logged once, and again only when it changes; the
/// log is bounded.</summary>
public class StandingReportsTests
{
    private static CancellationToken None => CancellationToken.None;

    private static int ConflictLines(SyncWorld world) =>
        File.Exists(world.Paths.OpsLog) ? File.ReadAllLines(world.Paths.OpsLog).Count(l => l.Contains("\"outcome\":\"conflict\"", StringComparison.Ordinal)) : 0;

    [Fact]
    public async Task A_standing_conflict_is_logged_once_and_again_when_it_changes()
    {
        await using var world = await SyncWorld.CreateAsync();
        var id = await world.CreateTaskAsync("--", "Agreed");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        await world.CliAsync("task", "edit", id.Split('-')[1], "-t", "Backlog title");
        await world.Client.UpdateIssueAsync(key, new JiraIssueUpdate { Summary = "Jira title" }, None);
        var standing = new StandingReports();
        var request = new SyncRequest { Mode = SyncMode.Sync, Strategy = ConflictStrategy.Manual, Standing = standing };

        for (var cycle = 0; cycle < 3; cycle++)
            (await world.Engine().RunAsync(request, None)).Single().Conflicts.ShouldBe(["title"]);
        ConflictLines(world).ShouldBe(1);

        await world.Client.UpdateIssueAsync(key, new JiraIssueUpdate { Summary = "Jira title, again" }, None);
        await world.Engine().RunAsync(request, None);
        await world.Engine().RunAsync(request, None);
        ConflictLines(world).ShouldBe(2, "the conflict changed once");

        await world.Engine().RunAsync(request with { Standing = null }, None);
        ConflictLines(world).ShouldBe(3, "a one-off run logs what it finds");
    }

    [Fact]
    public void The_log_rolls_over_past_its_bound_and_history_reads_across()
    {
        using var dir = new BacklogJira.Testing.TempDirectory("bj-opslog");
        var paths = new BacklogJira.Sync.State.StatePaths(dir.Path);
        Directory.CreateDirectory(paths.Root);
        File.WriteAllText(paths.OpsLog, new string('x', (int)BacklogJira.Sync.State.OpsLog.MaxBytes - 10) + "\n");
        var log = new BacklogJira.Sync.State.OpsLog(paths, TimeProvider.System);

        log.Append("sync", "TASK-1", "DEMO-1", "success", ["title"]);

        new FileInfo(paths.OpsLog).Length.ShouldBeLessThan(1000);
        File.Exists(Path.Combine(paths.Root, "ops-log.1.jsonl")).ShouldBeTrue();
        log.Tail(2).Count.ShouldBe(2, "the line before the roll-over and the new one");
        log.Tail(1).Single().ShouldContain("\"backlogId\":\"TASK-1\"");
    }
}
