using System.Text.Json.Nodes;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.Tests.Engine;
using Sandbox.Jira;

namespace BacklogJira.Sync.Tests.Fields;

/// <summary>Issue 17, hierarchy at creation (docs/sync.md, "Hierarchy"): subtasks made by the real CLI become sub-tasks
/// of their parent's issue, and Jira's sub-tasks are imported under their parent's task.</summary>
public class HierarchyTests
{
    private static CancellationToken None => CancellationToken.None;

    [Theory]
    [InlineData(SandboxMode.Cloud)]
    [InlineData(SandboxMode.DataCenter)]
    public async Task A_subtask_named_with_its_parent_in_one_command_becomes_a_sub_task_of_the_parent_s_issue(SandboxMode mode)
    {
        await using var world = await SyncWorld.CreateAsync(mode: mode);
        var parent = await world.CreateTaskAsync("--", "Parent");
        var child = await world.CreateTaskAsync("--parent", parent, "--", "Child");
        world.Store.Get(child).ParentTaskId.ShouldBe(parent);

        // The child is named first: the parent is still created first.
        var outcomes = await world.Creator().CreateManyAsync([child, parent], null, false, 4, None);

        outcomes.ShouldAllBe(o => o.Error == null);
        var parentKey = outcomes[1].JiraKey!;
        var issue = (await world.Client.GetIssueAsync(outcomes[0].JiraKey!, None))!;
        issue.ParentKey.ShouldBe(parentKey);
        issue.IssueType.ShouldBe("Subtask");
        (await world.RunAsync(SyncMode.Status)).ShouldAllBe(o => o.State == PairState.InSync);
    }

    [Fact]
    public async Task A_subtask_whose_parent_has_no_issue_is_refused_with_the_command_that_fixes_it()
    {
        await using var world = await SyncWorld.CreateAsync();
        var parent = await world.CreateTaskAsync("--", "Parent");
        var child = await world.CreateTaskAsync("--parent", parent, "--", "Child");

        var outcome = (await world.Creator().CreateManyAsync([child], null, false, 4, None)).Single();

        outcome.Error.ShouldBe($"{child} is a subtask of {parent}, which has no Jira issue yet; create the parent's first, in the same command if you like: backlog-jira create-issue {parent} {child}");
        world.Jira.Sandbox.State.Read(d => d.Issues.Count).ShouldBe(0);
    }

    [Fact]
    public async Task A_subtask_of_an_epic_s_task_becomes_a_child_of_the_epic_on_cloud()
    {
        await using var world = await SyncWorld.CreateAsync(config => config["backlog"]!["typeMapping"] = new JsonObject { ["epic"] = "Epic" });
        var epic = await world.Client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Epic", Summary = "Theme" }, None);
        var imported = (await world.Importer().ImportAsync($"key = {epic.Key}", false, None)).Single();
        var story = await world.CreateTaskAsync("--parent", imported.TaskId, "--", "Story under the epic");

        var outcome = (await world.Creator().CreateManyAsync([story], null, false, 4, None)).Single();

        outcome.Error.ShouldBeNull();
        var issue = (await world.Client.GetIssueAsync(outcome.JiraKey!, None))!;
        issue.ParentKey.ShouldBe(epic.Key);
        issue.IssueType.ShouldBe("Task");
    }

    [Theory]
    [InlineData(SandboxMode.Cloud)]
    [InlineData(SandboxMode.DataCenter)]
    public async Task Jira_sub_tasks_are_imported_under_their_parent_s_task_parents_first(SandboxMode mode)
    {
        await using var world = await SyncWorld.CreateAsync(mode: mode);
        var top = await world.Client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "Top" }, None);
        var sub = await world.Client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Subtask", Summary = "Under", ParentKey = top.Key }, None);
        var other = await world.Client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "Not imported" }, None);
        var orphan = await world.Client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Subtask", Summary = "Parent left out", ParentKey = other.Key }, None);

        // The sub-task comes before its parent in the answer (key order descending).
        var outcomes = await world.Importer().ImportAsync($"key in ({sub.Key}, {top.Key}, {orphan.Key}) ORDER BY key DESC", false, None);

        outcomes.ShouldAllBe(o => o.Error == null);
        var parentTask = outcomes.Single(o => o.JiraKey == top.Key).TaskId;
        var childTask = world.Store.Get(outcomes.Single(o => o.JiraKey == sub.Key).TaskId);
        childTask.ParentTaskId.ShouldBe(parentTask);
        childTask.Id.Normalized().ShouldBe(parentTask + ".1");
        var orphanOutcome = outcomes.Single(o => o.JiraKey == orphan.Key);
        world.Store.Get(orphanOutcome.TaskId).ParentTaskId.ShouldBeNull();
        orphanOutcome.Warnings.ShouldContain(w => w.Contains($"its parent {other.Key} has no task here"));
        // The orphan's parent is reported until it is imported, never guessed (the parent field, ReparentingTests).
        var status = await world.RunAsync(SyncMode.Status);
        status.Where(o => o.JiraKey != orphan.Key).ShouldAllBe(o => o.State == PairState.InSync);
        status.Single(o => o.JiraKey == orphan.Key).Waiting.ShouldContain(w => w.Field == "parent" && w.Reason.Contains($"its parent {other.Key} has no task"));
    }
}
