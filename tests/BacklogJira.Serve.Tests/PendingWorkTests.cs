using BacklogJira.Serve.Queue;
using BacklogJira.Serve.Work;
using BacklogJira.Sync.State;
using BacklogJira.Testing;

namespace BacklogJira.Serve.Tests;

public class PendingWorkTests
{
    [Fact]
    public async Task A_burst_for_one_issue_is_one_item_that_survives_a_restart_and_keeps_its_latest_key()
    {
        using var dir = new TempDirectory();
        using (var queue = new PendingWork(dir.Path, TimeProvider.System))
        {
            for (var i = 0; i < 200; i++) await queue.AddIssueAsync("10001", "DEMO-1", deleted: false, "jira:issue_updated", CancellationToken.None);
            await queue.AddIssueAsync("10001", "OTHER-9", deleted: false, "jira:issue_updated", CancellationToken.None);
            await queue.AddTaskAsync("TASK-3", "file changed", CancellationToken.None);
        }

        using var restarted = new PendingWork(dir.Path, TimeProvider.System);
        var items = await restarted.PendingAsync(CancellationToken.None);
        items.Count.ShouldBe(2);
        var issue = items.Single(i => i.IssueId == "10001");
        issue.Events.ShouldBe(201);
        issue.IssueKey.ShouldBe("OTHER-9", "moved: the newest key wins");
        issue.Reasons.Count.ShouldBe(PendingWork.ReasonsKept);
        items.Single(i => i.TaskId is not null).Name.ShouldBe("task-task-3");
    }

    [Fact]
    public async Task An_item_that_got_an_event_while_being_worked_on_stays_for_another_round()
    {
        using var dir = new TempDirectory();
        using var queue = new PendingWork(dir.Path, TimeProvider.System);
        await queue.AddIssueAsync("1", "DEMO-1", false, "jira:issue_updated", CancellationToken.None);
        await queue.AddIssueAsync("2", "DEMO-2", false, "jira:issue_updated", CancellationToken.None);
        var taken = await queue.PendingAsync(CancellationToken.None);
        await queue.AddIssueAsync("2", "DEMO-2", false, "comment_created", CancellationToken.None);
        await queue.CompleteAsync(taken, CancellationToken.None);
        (await queue.PendingAsync(CancellationToken.None)).Select(i => i.IssueId).ShouldBe(["2"]);
    }

    [Fact]
    public async Task A_damaged_item_is_left_in_place_and_reported_not_crashed_on()
    {
        using var dir = new TempDirectory();
        using var queue = new PendingWork(dir.Path, TimeProvider.System);
        await File.WriteAllTextAsync(Path.Combine(dir.Path, "issue-5.json"), "{ half");
        await queue.AddIssueAsync("6", "DEMO-6", false, "jira:issue_updated", CancellationToken.None);
        (await queue.PendingAsync(CancellationToken.None)).Single().IssueId.ShouldBe("6");
        queue.Unreadable.ShouldHaveSingleItem().ShouldEndWith("issue-5.json");
        File.Exists(Path.Combine(dir.Path, "issue-5.json")).ShouldBeTrue();
    }

    [Fact]
    public void The_plan_finds_pairs_by_id_then_key_imports_only_live_keyed_unpaired_issues_and_says_why_it_skips()
    {
        using var dir = new TempDirectory();
        var paths = new StatePaths(dir.Path);
        Directory.CreateDirectory(paths.Root);
        File.WriteAllText(paths.Mappings, """
            {"schemaVersion":1,"mappings":[
              {"taskId":"TASK-1","jiraKey":"DEMO-1","jiraId":"10001","mappedAt":"2026-11-01T00:00:00Z"},
              {"taskId":"TASK-2","jiraKey":"DEMO-2","mappedAt":"2026-11-01T00:00:00Z"}]}
            """);
        var mappings = MappingFile.Load(paths);
        WorkItem Issue(string id, string? key, bool deleted = false) => new() { Name = WorkItem.IssueName(id), IssueId = id, IssueKey = key, Deleted = deleted };
        var items = new List<WorkItem>
        {
            Issue("10001", "MOVED-5"), // moved: found by id
            Issue("20002", "DEMO-2"), // no id stored: found by key
            Issue("10001", "DEMO-1"), // same pair twice: synced once
            Issue("30003", "DEMO-3"), // new: imported
            Issue("40004", "DEMO-4", deleted: true),
            Issue("50005", null), // a link's far end, unpaired
            new() { Name = WorkItem.TaskName("TASK-9"), TaskId = "TASK-9" },
            new() { Name = WorkItem.TaskName("task-2"), TaskId = "task-2" },
        };
        var plan = WorkPlan.For(items, mappings, importNew: true);
        plan.TaskIds.ShouldBe(["TASK-1", "TASK-2"]);
        plan.ImportKeys.ShouldBe(["DEMO-3"]);
        plan.Skipped.Select(s => s.Item.IssueId ?? s.Item.TaskId).ShouldBe(["40004", "50005", "TASK-9"]);
        WorkPlan.For(items, mappings, importNew: false).ImportKeys.ShouldBeEmpty();
    }
}
