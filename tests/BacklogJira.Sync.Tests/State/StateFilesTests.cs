using BacklogJira.BacklogMd.Locks;
using System.Collections.Immutable;
using BacklogJira.Core.Fields;
using BacklogJira.Core.Model;
using BacklogJira.Sync.Fields;
using BacklogJira.Sync.State;
using BacklogJira.Testing;

namespace BacklogJira.Sync.Tests.State;

public class StateFilesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Mappings_are_saved_at_once_and_found_by_task_or_issue()
    {
        using var dir = new TempDirectory();
        var paths = new StatePaths(dir.Path);
        var file = MappingFile.Load(paths);
        await file.SetAsync(new TaskMapping { TaskId = "task-7", JiraKey = "PROJ-12", TaskCreated = "2026-01-02 10:00", MappedAt = Now }, CancellationToken.None);
        var again = MappingFile.Load(paths);
        again.ForTask("TASK-7")!.JiraKey.ShouldBe("PROJ-12");
        again.ForIssue("proj-12")!.TaskId.ShouldBe("task-7");
        (await again.RemoveAsync("task-7", CancellationToken.None)).ShouldBeTrue();
        MappingFile.Load(paths).All.ShouldBeEmpty();
    }

    [Fact]
    public async Task Snapshots_round_trip_with_unresolved_fields_and_each_side_hashes_its_own_payload()
    {
        using var dir = new TempDirectory();
        var paths = new StatePaths(dir.Path);
        var store = new SnapshotStore(paths);
        var agreed = AgreedBase.Empty
            .With(SyncFieldCatalog.Title, "Login: \"SSO\"")
            .With(SyncFieldCatalog.Description, "Text\n\nmore")
            .With(SyncFieldCatalog.Status, "In Progress")
            .With(SyncFieldCatalog.Assignee, ImmutableArray.Create("@alice", "@bob"))
            .With(SyncFieldCatalog.Labels, NameSetField.SetOf(["b", "a"]))
            .With(SyncFieldCatalog.AcceptanceCriteria, ImmutableArray.Create(new CriterionItem("one", true)))
            with { Unresolved = ["priority"] };
        await store.WriteAsync("task-1", agreed, Now, CancellationToken.None);
        var read = store.Read("task-1")!;
        read.SameAs(agreed, SyncFieldCatalog.All).ShouldBeTrue();
        read.TryGet(SyncFieldCatalog.Priority, out _).ShouldBeFalse("a field never agreed has no entry");
        read.Unresolved.ShouldBe(["priority"]);
        var backlogFile = File.ReadAllText(paths.Snapshot("task-1", "backlog"));
        backlogFile.ShouldContain("\"side\": \"backlog\"");
        backlogFile.ShouldContain("\"updatedAt\": \"2026-11-22T10:00:00.000Z\"");
    }

    [Fact]
    public void A_format_2_snapshot_is_read_with_its_unresolved_fields_as_never_agreed()
    {
        using var dir = new TempDirectory();
        var paths = new StatePaths(dir.Path);
        Directory.CreateDirectory(paths.Snapshots);
        File.WriteAllText(paths.Snapshot("task-3", "backlog"),
            """{"backlogId":"task-3","side":"backlog","hash":"ab","payload":"{\"title\":\"x\",\"description\":\"d\",\"status\":\"To Do\",\"assignee\":\"@alice\",\"labels\":[\"a\"],\"priority\":null,\"acceptanceCriteria\":[{\"text\":\"one\",\"checked\":true}],\"implementationPlan\":\"\",\"implementationNotes\":\"\"}","updatedAt":"2026-10-17T10:00:00.000Z","format":"backlog-jira/2","unresolved":["Description"]}""");
        var read = new SnapshotStore(paths).Read("task-3")!;
        read.Values["title"].ShouldBe("x");
        read.Values["assignee"].ShouldBe(ImmutableArray.Create("@alice"));
        read.Values.ContainsKey("description").ShouldBeFalse();
        read.Values.ContainsKey("priority").ShouldBeTrue();
        read.Unresolved.ShouldBe(["description"]);
    }

    [Fact]
    public void A_snapshot_written_by_the_original_plugin_is_not_used_as_a_base()
    {
        using var dir = new TempDirectory();
        var paths = new StatePaths(dir.Path);
        Directory.CreateDirectory(paths.Snapshots);
        File.WriteAllText(paths.Snapshot("task-12", "backlog"),
            """{"backlogId":"task-12","side":"backlog","hash":"ab","payload":"{\"title\":\"x\",\"description\":\"\",\"status\":\"todo\",\"labels\":[],\"acceptanceCriteria\":[]}","updatedAt":"2025-10-17T10:00:00.000Z"}""");
        new SnapshotStore(paths).Read("task-12").ShouldBeNull();
    }

    [Fact]
    public void Ops_log_appends_one_json_line_per_operation()
    {
        using var dir = new TempDirectory();
        var paths = new StatePaths(dir.Path);
        var log = new OpsLog(paths, new FixedClock(Now));
        log.Append("push", "task-1", "PROJ-1", "success", ["title", "status"]);
        log.Append("pull", "task-2", "PROJ-2", "error", details: "boom");
        var lines = File.ReadAllLines(paths.OpsLog);
        lines.Length.ShouldBe(2);
        lines[0].ShouldContain("\"op\":\"push\"");
        lines[0].ShouldContain("\"fields\":[\"title\",\"status\"]");
        lines[0].ShouldContain($"\"runId\":\"{log.RunId}\"");
        log.Tail(10, "task-2").Single().ShouldContain("boom");
    }

    [Fact]
    public async Task A_second_run_is_refused_with_a_clear_message()
    {
        using var dir = new TempDirectory();
        var paths = new StatePaths(dir.Path);
        await using var first = await SyncRunLock.AcquireAsync(paths, TimeProvider.System, CancellationToken.None);
        var error = await Should.ThrowAsync<LockBusyException>(() => SyncRunLock.AcquireAsync(paths, TimeProvider.System, CancellationToken.None));
        error.Message.ShouldContain("Another backlog-jira run");
        error.Message.ShouldContain($"(pid {Environment.ProcessId} on {Environment.MachineName}, ");
        error.Message.ShouldContain(" since ");
    }

    [Fact]
    public async Task A_run_waits_its_turn_behind_serve_instead_of_failing_after_two_seconds()
    {
        using var dir = new TempDirectory();
        var paths = new StatePaths(dir.Path);
        Directory.CreateDirectory(paths.Lock);
        await File.WriteAllTextAsync(DirectoryLock.OwnerNotePath(paths.Lock), $"pid {Environment.ProcessId} on {Environment.MachineName}, serve --port 8787, since now");
        var released = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3.5));
            File.Delete(DirectoryLock.OwnerNotePath(paths.Lock));
            Directory.Delete(paths.Lock);
        });
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using (await SyncRunLock.AcquireAsync(paths, TimeProvider.System, CancellationToken.None))
            watch.Elapsed.ShouldBeGreaterThan(TimeSpan.FromSeconds(3), "taken once serve let go, past the usual 2 s");
        await released;

        // Held by anything else (here a sync of this live process), the usual 2 s apply.
        Directory.CreateDirectory(paths.Lock);
        await File.WriteAllTextAsync(DirectoryLock.OwnerNotePath(paths.Lock), $"pid {Environment.ProcessId} on {Environment.MachineName}, sync --all, since now");
        watch.Restart();
        await Should.ThrowAsync<LockBusyException>(() => SyncRunLock.AcquireAsync(paths, TimeProvider.System, CancellationToken.None));
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_lock_whose_owner_process_is_gone_is_taken_at_once_and_a_live_one_is_not()
    {
        using var dir = new TempDirectory();
        var paths = new StatePaths(dir.Path);
        // A run killed with -9: its lock directory and owner note stay, naming a process that no longer runs.
        using (var gone = System.Diagnostics.Process.Start("true")!) { gone.WaitForExit(); Directory.CreateDirectory(paths.Lock);
            await File.WriteAllTextAsync(DirectoryLock.OwnerNotePath(paths.Lock), $"pid {gone.Id} on {Environment.MachineName}, sync, since 2026-01-01 00:00:00Z"); }
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using (await SyncRunLock.AcquireAsync(paths, TimeProvider.System, CancellationToken.None))
            watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2), "not the 10 s a stale lock needs");
        Directory.Exists(paths.Lock).ShouldBeFalse("released with its note");

        // A note naming a live process (this one) or another host is respected.
        Directory.CreateDirectory(paths.Lock);
        await File.WriteAllTextAsync(DirectoryLock.OwnerNotePath(paths.Lock), $"pid {Environment.ProcessId} on {Environment.MachineName}, sync, since now");
        (await Should.ThrowAsync<LockBusyException>(() => SyncRunLock.AcquireAsync(paths, TimeProvider.System, CancellationToken.None)))
            .Message.ShouldContain($"pid {Environment.ProcessId} on {Environment.MachineName}");
        await File.WriteAllTextAsync(DirectoryLock.OwnerNotePath(paths.Lock), "pid 999999 on another-host, sync, since now");
        await Should.ThrowAsync<LockBusyException>(() => SyncRunLock.AcquireAsync(paths, TimeProvider.System, CancellationToken.None));
    }
}
