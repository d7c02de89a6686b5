using BacklogJira.BacklogMd.Config;
using BacklogJira.BacklogMd.Discovery;
using BacklogJira.BacklogMd.Locks;
using BacklogJira.Sync.State;
using BacklogJira.Testing;

namespace BacklogJira.Sync.Tests.State;

/// <summary>
/// The run lock at the moments a kill -9 can strike. A lock seen without its owner note cannot be attributed, so every
/// later run waits the full 10 s for it and gives up after 2 s: the kill suite once failed exactly so in CI.
/// </summary>
public class RunLockKillPointsTests
{
    [Fact]
    public async Task The_lock_is_never_seen_without_its_note_and_never_held_twice()
    {
        using var dir = new TempDirectory();
        var paths = new StatePaths(dir.Path);
        Directory.CreateDirectory(paths.Root);
        var holders = 0;
        var mostHolders = 0;
        var bareSightings = 0;
        var looks = 0;
        using var stop = new CancellationTokenSource();

        // What a run killed at any instant leaves is what an observer sees at that instant. The observer holds the folder
        // open, looks for the note in it, then checks that this very folder (same inode) still sits at the lock's path:
        // a released lock is renamed away before it is emptied and never comes back, so an empty folder found still in
        // place was a lock without its note for that whole time.
        var observer = Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var folder = OpenFolder.At(paths.Lock);
                if (folder is null) continue;
                Interlocked.Increment(ref looks);
                if (!folder.Holds("owner") && folder.StillAt(paths.Lock)) Interlocked.Increment(ref bareSightings);
            }
        }, TaskCreationOptions.LongRunning);
        var runs = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            // Until the observer has looked often enough for the check to mean something (it may start late on a busy machine).
            for (var i = 0; i < 150 || Volatile.Read(ref looks) < 300; i++)
            {
                await using var held = await DirectoryLock.AcquireAsync(paths.Lock, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(1),
                    TimeProvider.System, () => "busy", "sync", CancellationToken.None);
                var now = Interlocked.Increment(ref holders);
                InterlockedMax(ref mostHolders, now);
                Interlocked.Decrement(ref holders);
            }
        })).ToArray();
        await Task.WhenAll(runs);
        await stop.CancelAsync();
        await observer;

        looks.ShouldBeGreaterThan(0, "the observer must have looked at a held lock at least once for the check to mean anything");
        bareSightings.ShouldBe(0, $"a lock folder without its note was seen {bareSightings} times in {looks} looks");
        mostHolders.ShouldBe(1);
        Directory.Exists(paths.Lock).ShouldBeFalse("released");
        Directory.GetDirectories(paths.Root).ShouldBeEmpty("no staging or released folder left after clean runs");
    }

    [Fact]
    public async Task A_run_killed_before_its_lock_was_in_place_blocks_nobody_and_its_litter_is_swept_when_old()
    {
        using var dir = new TempDirectory();
        var paths = new StatePaths(dir.Path);
        var staging = paths.Lock + ".taking-" + Guid.NewGuid().ToString("N");
        var released = paths.Lock + ".released-" + Guid.NewGuid().ToString("N");
        var someoneElses = paths.Lock + ".taking-notours";
        foreach (var folder in new[] { staging, released, someoneElses })
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(DirectoryLock.OwnerNotePath(folder), $"pid {Environment.ProcessId} on {Environment.MachineName}, sync, since now");
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using (await SyncRunLock.AcquireAsync(paths, TimeProvider.System, CancellationToken.None))
        {
            watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2), "a staging folder is not the lock");
        }

        var project = new BacklogMdProject(dir.Path, Path.Combine(dir.Path, "backlog"), Path.Combine(dir.Path, "backlog", "config.yml"), new BacklogMdConfig());
        LeftoverSweeper.Sweep(project, paths, TimeProvider.System.GetUtcNow()).ShouldBe(0, "fresh ones may belong to a run taking the lock right now");
        foreach (var folder in new[] { staging, released, someoneElses })
        {
            Directory.SetLastWriteTimeUtc(folder, TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-5));
        }

        LeftoverSweeper.Sweep(project, paths, TimeProvider.System.GetUtcNow()).ShouldBe(2);
        Directory.Exists(staging).ShouldBeFalse();
        Directory.Exists(released).ShouldBeFalse();
        Directory.Exists(someoneElses).ShouldBeTrue("not a name we make, so not ours to remove");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var was = Interlocked.CompareExchange(ref target, value, seen);
            if (was == seen) return;
            seen = was;
        }
    }
}
