namespace BacklogJira.Cli.Tests.Commands.Robustness;

/// <summary>Issue 15, item 18: what a killed run leaves (temp files, task lock folders) is swept by the next writing
/// run, and nothing that may still be in use.</summary>
public class LeftoversTests
{
    [Fact]
    public async Task The_next_sync_removes_old_temp_files_and_stale_lock_folders_only()
    {
        await using var cli = await CliRun.StartAsync();
        await cli.RunAsync("init", "--project-key", "DEMO");
        (await cli.BacklogAsync("task", "create", "One")).EnsureSuccess("create");
        (await cli.RunAsync("create-issue", "1")).ExitCode.ShouldBe(0);
        var tasks = Path.Combine(cli.Root, "backlog", "tasks");
        var old = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-5);
        var oldTemp = Path.Combine(tasks, $".task-1 - One.md.{Guid.NewGuid():N}.tmp");
        var freshTemp = Path.Combine(tasks, $".task-1 - One.md.{Guid.NewGuid():N}.tmp");
        var someoneElses = Path.Combine(tasks, ".notes.tmp");
        var snapshotTemp = Path.Combine(cli.Root, ".backlog-jira", "snapshots", $".TASK-1-backlog.json.{Guid.NewGuid():N}.tmp");
        foreach (var file in new[] { oldTemp, freshTemp, someoneElses, snapshotTemp }) File.WriteAllText(file, "half");
        foreach (var file in new[] { oldTemp, someoneElses, snapshotTemp }) File.SetLastWriteTimeUtc(file, old);
        var staleLock = Path.Combine(cli.Root, "backlog", ".locks", "task-task-7");
        var liveLock = Path.Combine(cli.Root, "backlog", ".locks", "task-task-8");
        Directory.CreateDirectory(staleLock);
        Directory.CreateDirectory(liveLock);
        Directory.SetLastWriteTimeUtc(staleLock, old);

        (await cli.RunAsync("sync")).ExitCode.ShouldBe(0);

        File.Exists(oldTemp).ShouldBeFalse();
        File.Exists(snapshotTemp).ShouldBeFalse();
        File.Exists(freshTemp).ShouldBeTrue("it may belong to a write under way");
        File.Exists(someoneElses).ShouldBeTrue("not a name we write");
        Directory.Exists(staleLock).ShouldBeFalse();
        Directory.Exists(liveLock).ShouldBeTrue("refreshed a moment ago: someone holds it");
    }
}
