using BacklogJira.BacklogMd;
using BacklogJira.BacklogMd.Discovery;
using BacklogJira.BacklogMd.Writing;
using BacklogJira.Testing;

namespace BacklogJira.Interop.Tests;

/// <summary>Our writer and <c>backlog task edit</c> racing on one task share Backlog.md's lock, so no edit is lost.</summary>
public sealed class ConcurrencyTests
{
    private const int Rounds = 50;

    [Fact]
    public async Task Fifty_races_with_backlog_task_edit_lose_no_edit()
    {
        using var project = new TempDirectory("bj-race");
        await BacklogCli.InitAsync(project.Path, "--no-git");
        (await BacklogCli.RunAsync(project.Path, "task", "create", "--", "Contended task")).EnsureSuccess("create");
        var store = new BacklogMdTaskStore(ProjectLocator.Locate(project.Path), TimeProvider.System);
        var cliRetries = 0;

        for (var round = 0; round < Rounds; round++)
        {
            var label = round;
            var cliEdit = Task.Run(async () =>
            {
                // The CLI fails at once when our lock is held and tells the user to retry; so does this test.
                while (true)
                {
                    var result = await BacklogCli.RunAsync(project.Path, "task", "edit", "1", "--add-label", $"cli-{label}");
                    if (result.ExitCode == 0)
                    {
                        return;
                    }

                    result.Stderr.ShouldContain("is being modified by another process");
                    Interlocked.Increment(ref cliRetries);
                    await Task.Delay(20);
                }
            });
            var ourEdit = store.UpdateAsync("1", t => new TaskEdit { Labels = [.. t.Labels, $"ours-{label}"] }, CancellationToken.None);
            await Task.WhenAll(cliEdit, ourEdit);
        }

        var labels = store.Get("1").Labels;
        for (var round = 0; round < Rounds; round++)
        {
            labels.ShouldContain($"cli-{round}");
            labels.ShouldContain($"ours-{round}");
        }

        labels.Count.ShouldBe(2 * Rounds);
        Directory.Exists(Path.Combine(project.Path, "backlog", ".locks", "task-task-1")).ShouldBeFalse("the lock is released");
    }
}
