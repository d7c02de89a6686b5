using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.Tests.Engine;
using BacklogJira.Testing;
using Sandbox.Jira;

namespace BacklogJira.Sync.Tests.Fields;

/// <summary>Issue 17, hierarchy after creation (docs/sync.md, "Hierarchy"): a parent changed on either side travels as
/// the <c>parent</c> field, on Cloud through the parent, on Data Center through the Epic Link; what Jira's edit cannot do
/// waits with a warning, and a parent with no pair is reported, never guessed.</summary>
public class ReparentingTests
{
    private static CancellationToken None => CancellationToken.None;

    /// <summary>Two parents and a subtask of the first, all paired.</summary>
    private static async Task<(string First, string Second, string Child)> FamilyAsync(SyncWorld world)
    {
        var first = await world.CreateTaskAsync("--", "First parent");
        var second = await world.CreateTaskAsync("--", "Second parent");
        var child = await world.CreateTaskAsync("--parent", first, "--", "Child");
        (await world.Creator().CreateManyAsync([first, second, child], null, false, 4, None)).ShouldAllBe(o => o.Error == null);
        return (first, second, child);
    }

    /// <summary>The MCP tools list no project's issue types, so the sub-task type is named in config, as docs/sync.md says.</summary>
    private static void SubtaskTypeNamed(JsonObject config) => config["jira"]!["subtaskIssueType"] = "Subtask";

    private static string KeyOf(SyncWorld world, string taskId) => world.Jira.Sandbox.State.Read(d => d.Issues.Single(i => i.Summary == world.Store.Get(taskId).Title).Key);

    /// <summary>Edits <c>parent_task_id</c> by hand, as a user does (the CLI 1.52 has no option for it).</summary>
    private static void SetParentInFile(SyncWorld world, string taskId, string? parent)
    {
        var path = world.TaskFile(taskId);
        var lines = File.ReadAllLines(path).Where(l => !l.StartsWith("parent_task_id:", StringComparison.Ordinal)).ToList();
        if (parent is not null) lines.Insert(lines.FindIndex(l => l.StartsWith("title:", StringComparison.Ordinal)) + 1, $"parent_task_id: {parent}");
        File.WriteAllLines(path, lines);
    }

    private static async Task PutAsync(SyncWorld world, string key, JsonObject fields)
    {
        using var http = world.Jira.Http();
        var api = world.Jira.Deployment == JiraDeployment.Cloud ? "/rest/api/3" : "/rest/api/2";
        var response = await http.PutAsJsonAsync($"{api}/issue/{key}", new JsonObject { ["fields"] = fields });
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(JiraTransport.Rest)]
    [InlineData(JiraTransport.Mcp)]
    public async Task A_sub_task_moved_to_another_parent_in_jira_moves_its_task_and_a_second_run_writes_nothing(JiraTransport transport)
    {
        await using var world = await SyncWorld.CreateAsync(SubtaskTypeNamed, transport: transport);
        var (_, second, child) = await FamilyAsync(world);

        await PutAsync(world, KeyOf(world, child), new JsonObject { ["parent"] = new JsonObject { ["key"] = KeyOf(world, second) } });
        var outcome = (await world.RunAsync(SyncMode.Sync, ids: child)).Single();

        outcome.Pulled.ShouldContain("parent");
        world.Store.Get(child).ParentTaskId.ShouldBe(second);
        (await BacklogCli.RunAsync(world.Root, "task", "list", "--parent", second, "--plain")).EnsureSuccess("task list").Stdout.ShouldContain(child);
        (await world.RunAsync(SyncMode.Sync)).ShouldAllBe(o => o.State == PairState.InSync && o.Pushed.Count == 0 && o.Pulled.Count == 0);
    }

    [Fact]
    public async Task A_task_given_another_parent_in_its_file_moves_its_issue_on_cloud_and_a_top_level_task_leaves_its_epic()
    {
        await using var world = await SyncWorld.CreateAsync(config => config["backlog"]!["typeMapping"] = new JsonObject { ["epic"] = "Epic" });
        var (_, second, child) = await FamilyAsync(world);

        SetParentInFile(world, child, second);
        (await world.RunAsync(SyncMode.Sync, ids: child)).Single().Pushed.ShouldContain("parent");
        (await world.Client.GetIssueAsync(KeyOf(world, child), None))!.ParentKey.ShouldBe(KeyOf(world, second));

        // The same move over the MCP transport (jira_update_issue with a parent field).
        var mcp = await SyncWorld.CreateAsync(SubtaskTypeNamed, transport: JiraTransport.Mcp);
        await using (mcp)
        {
            var (_, mcpSecond, mcpChild) = await FamilyAsync(mcp);
            SetParentInFile(mcp, mcpChild, mcpSecond);
            (await mcp.RunAsync(SyncMode.Sync, ids: mcpChild)).Single().Pushed.ShouldContain("parent");
            (await mcp.Client.GetIssueAsync(KeyOf(mcp, mcpChild), None))!.ParentKey.ShouldBe(KeyOf(mcp, mcpSecond));
        }

        // A standard issue under an epic leaves it when its task leaves the epic's task.
        var epic = await world.Client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Epic", Summary = "Theme" }, None);
        var epicTask = (await world.Importer().ImportAsync($"key = {epic.Key}", false, None)).Single().TaskId;
        await PutAsync(world, KeyOf(world, second), new JsonObject { ["parent"] = new JsonObject { ["key"] = epic.Key } });
        (await world.RunAsync(SyncMode.Sync, ids: second)).Single().Pulled.ShouldContain("parent");
        world.Store.Get(second).ParentTaskId.ShouldBe(epicTask);

        SetParentInFile(world, second, null);
        (await world.RunAsync(SyncMode.Sync, ids: second)).Single().Pushed.ShouldContain("parent");
        (await world.Client.GetIssueAsync(KeyOf(world, second), None))!.ParentKey.ShouldBeNull();
        var after = await world.RunAsync(SyncMode.Sync);
        after.ShouldAllBe(o => o.State == PairState.InSync, string.Join("; ", after.SelectMany(o => o.Waiting.Select(w => $"{o.TaskId} {w.Field}: {w.Reason}"))));
    }

    [Fact]
    public async Task On_data_center_an_epic_is_the_epic_link_both_ways_and_a_sub_task_move_waits_with_how_to_do_it()
    {
        await using var world = await SyncWorld.CreateAsync(config => config["backlog"]!["typeMapping"] = new JsonObject { ["epic"] = "Epic" }, mode: SandboxMode.DataCenter);
        var epicA = await world.Client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Epic", Summary = "Theme A" }, None);
        var epicB = await world.Client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Epic", Summary = "Theme B" }, None);
        var imported = await world.Importer().ImportAsync($"key in ({epicA.Key}, {epicB.Key}) ORDER BY key ASC", false, None);
        var (taskA, taskB) = (imported[0].TaskId, imported[1].TaskId);

        // Created under an epic's task: the new issue's Epic Link names the epic.
        var story = await world.CreateTaskAsync("--parent", taskA, "--", "Story");
        var created = (await world.Creator().CreateManyAsync([story], null, false, 4, None)).Single();
        created.Error.ShouldBeNull();
        created.Warnings.ShouldBeEmpty();
        var issue = (await world.Client.GetIssueAsync(created.JiraKey!, None))!;
        (issue.EpicKey, issue.ParentKey, issue.IssueType).ShouldBe((epicA.Key, (string?)null, "Task"));

        // Jira moves it to the other epic: the task follows.
        await PutAsync(world, created.JiraKey!, new JsonObject { ["customfield_10014"] = epicB.Key });
        (await world.RunAsync(SyncMode.Sync, ids: story)).Single().Pulled.ShouldContain("parent");
        world.Store.Get(story).ParentTaskId.ShouldBe(taskB);

        // The task goes back under the first epic's task: Jira's Epic Link follows.
        SetParentInFile(world, story, taskA);
        (await world.RunAsync(SyncMode.Sync, ids: story)).Single().Pushed.ShouldContain("parent");
        (await world.Client.GetIssueAsync(created.JiraKey!, None))!.EpicKey.ShouldBe(epicA.Key);

        // A sub-task cannot be moved by an edit on Data Center: the task keeps its new parent, the pair waits, nothing is agreed.
        var sub = await world.CreateTaskAsync("--parent", story, "--", "Sub-task");
        (await world.Creator().CreateManyAsync([sub], null, false, 4, None)).Single().Error.ShouldBeNull();
        var other = await world.CreateTaskAsync("--", "Other story");
        (await world.Creator().CreateManyAsync([other], null, false, 4, None)).Single().Error.ShouldBeNull();
        SetParentInFile(world, sub, other);
        var waiting = (await world.RunAsync(SyncMode.Sync, ids: sub)).Single();
        waiting.Warnings.ShouldContain(w => w.Contains("Move (More → Move)"));
        waiting.State.ShouldNotBe(PairState.InSync);
        world.Store.Get(sub).ParentTaskId.ShouldBe(other);
        (await world.RunAsync(SyncMode.Status, ids: sub)).Single().State.ShouldBe(PairState.NeedsPush);
    }

    [Fact]
    public async Task A_parent_with_no_pair_is_reported_on_either_side_and_never_written()
    {
        await using var world = await SyncWorld.CreateAsync();
        var (first, _, child) = await FamilyAsync(world);
        var unpaired = await world.CreateTaskAsync("--", "Never sent to Jira");
        var stray = await world.Client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "No task" }, None);

        SetParentInFile(world, child, unpaired);
        var outcome = (await world.RunAsync(SyncMode.Sync, ids: child)).Single();
        outcome.Pushed.ShouldNotContain("parent");
        outcome.Waiting.ShouldContain(w => w.Reason.Contains($"backlog-jira create-issue {unpaired}"));
        (await world.Client.GetIssueAsync(KeyOf(world, child), None))!.ParentKey.ShouldBe(KeyOf(world, first));

        SetParentInFile(world, child, first);
        (await world.RunAsync(SyncMode.Sync, ids: child)).Single().State.ShouldBe(PairState.InSync);
        await PutAsync(world, KeyOf(world, child), new JsonObject { ["parent"] = new JsonObject { ["key"] = stray.Key } });
        var pulled = (await world.RunAsync(SyncMode.Sync, ids: child)).Single();
        pulled.Pulled.ShouldNotContain("parent");
        pulled.Waiting.ShouldContain(w => w.Reason.Contains($"its parent {stray.Key} has no task"));
        world.Store.Get(child).ParentTaskId.ShouldBe(first);
        (await world.RunAsync(SyncMode.Status, ids: child)).Single().State.ShouldNotBe(PairState.InSync);
    }

    [Theory]
    [InlineData(SandboxMode.Cloud)]
    [InlineData(SandboxMode.DataCenter)]
    public async Task A_three_level_hierarchy_imports_as_nested_tasks_and_a_story_moved_to_another_epic_follows(SandboxMode mode)
    {
        await using var world = await SyncWorld.CreateAsync(config => config["backlog"]!["typeMapping"] = new JsonObject { ["epic"] = "Epic" }, mode: mode);
        var cloud = mode == SandboxMode.Cloud;
        var epic = await world.Client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Epic", Summary = "Epic one" }, None);
        var otherEpic = await world.Client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Epic", Summary = "Epic two" }, None);
        var story = await world.Client.CreateIssueAsync(new JiraIssueDraft
        {
            ProjectKey = "DEMO", IssueType = "Story", Summary = "Story", ParentKey = cloud ? epic.Key : null, EpicKey = cloud ? null : epic.Key,
        }, None);
        var subtask = await world.Client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Subtask", Summary = "Sub-task", ParentKey = story.Key }, None);

        world.Jira.Sandbox.Counters.Reset();
        var imported = await world.Importer().ImportAsync("project = DEMO ORDER BY key DESC", false, None);
        var importRequests = world.Jira.Sandbox.Counters.Total;
        var importedBy = string.Join(", ", world.Jira.Sandbox.Counters.ByEndpoint.Select(e => $"{e.Key}={e.Value}"));

        imported.ShouldAllBe(o => o.Error == null);
        string TaskOf(string key) => imported.Single(o => o.JiraKey == key).TaskId;
        world.Store.Get(TaskOf(story.Key)).ParentTaskId.ShouldBe(TaskOf(epic.Key));
        world.Store.Get(TaskOf(subtask.Key)).ParentTaskId.ShouldBe(TaskOf(story.Key));
        TaskOf(subtask.Key).ShouldBe(TaskOf(story.Key) + ".1");
        // The server info, on Data Center the field list (to find Epic Link), and one search: nothing per issue.
        importRequests.ShouldBeLessThanOrEqualTo(3, importedBy);

        await PutAsync(world, story.Key, cloud
            ? new JsonObject { ["parent"] = new JsonObject { ["key"] = otherEpic.Key } }
            : new JsonObject { ["customfield_10014"] = otherEpic.Key });
        (await world.RunAsync(SyncMode.Sync)).Single(o => o.JiraKey == story.Key).Pulled.ShouldBe(["parent"]);
        world.Store.Get(TaskOf(story.Key)).ParentTaskId.ShouldBe(TaskOf(otherEpic.Key));
        (await world.RunAsync(SyncMode.Sync)).ShouldAllBe(o => o.State == PairState.InSync);
    }
}
