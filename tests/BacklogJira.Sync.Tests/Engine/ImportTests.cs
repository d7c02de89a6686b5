using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;
using BacklogJira.Testing;

namespace BacklogJira.Sync.Tests.Engine;

public class ImportTests
{
    private static CancellationToken None => CancellationToken.None;

    [Theory]
    [InlineData(JiraTransport.Rest)]
    [InlineData(JiraTransport.Mcp)]
    public async Task Import_by_jql_of_200_issues_makes_200_tasks_the_cli_lists_and_a_rerun_makes_none(JiraTransport transport)
    {
        await using var world = await SyncWorld.CreateAsync(transport: transport);
        world.Jira.Sandbox.SeedIssues(200);
        var importer = world.Importer();
        var jql = JiraImporter.ResolveJql(null, SyncConfig.Load(world.Paths));

        var outcomes = await importer.ImportAsync(jql, dryRun: false, None);

        outcomes.Count.ShouldBe(200);
        outcomes.ShouldAllBe(o => o.Error == null);
        var listed = (await BacklogCli.RunAsync(world.Root, "task", "list", "--plain")).EnsureSuccess("task list");
        var cliCount = listed.Stdout.Split('\n').Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"(?i)\btask-\d+\b"));
        cliCount.ShouldBe(200);
        MappingFile.Load(world.Paths).All.Count.ShouldBe(200);
        var first = world.Store.Get(MappingFile.Load(world.Paths).ForIssue("DEMO-1")!.TaskId);
        first.Title.ShouldBe("Seeded issue 1");
        // A checklist outside the managed sections is description text, not acceptance criteria.
        if (transport == JiraTransport.Rest) first.Description.ShouldBe("Seeded description 1.\n\n- [ ] first check\n- [x] second check");
        else
        {
            // A task list made in Jira's editor has no wiki form, and mcp-atlassian's reader drops "[x]": over MCP the
            // words arrive, the boxes do not (docs/mcp-transport.md, "Text conversion").
            first.Description.ShouldStartWith("Seeded description 1.");
            first.Description.ShouldContain("first check");
            first.Description.ShouldContain("second check");
        }
        first.AcceptanceCriteria.ShouldBeEmpty();
        first.Labels.ShouldBe(["seed0"]);
        first.Assignees.ShouldBe(["@alice"]);

        (await importer.ImportAsync(jql, dryRun: false, None)).ShouldBeEmpty();
        world.Jira.Sandbox.Counters.Reset();
        var settled = await world.RunAsync(SyncMode.Sync);
        settled.Count.ShouldBe(200);
        settled.ShouldAllBe(o => o.Error == null && o.Conflicts.Count == 0);
        // Issues assigned to a Jira user with no Backlog handle wait for that mapping (the task keeps no assignee).
        settled.Where(o => o.State != PairState.InSync).ShouldAllBe(o => o.State == PairState.NeedsPull && o.Waiting.All(w => w.Field == "assignee" && w.Reason.Contains("map-assignees")));
        world.JiraWrites.ShouldBe(0);
    }

    [Theory]
    [InlineData(JiraTransport.Rest)]
    [InlineData(JiraTransport.Mcp)]
    public async Task An_import_cut_off_before_the_mapping_was_saved_adopts_the_task_it_wrote(JiraTransport transport)
    {
        await using var world = await SyncWorld.CreateAsync(transport: transport);
        world.Jira.Sandbox.SeedIssues(2);
        var jql = JiraImporter.ResolveJql(null, SyncConfig.Load(world.Paths));
        await world.Importer().ImportAsync(jql, dryRun: false, None);
        // Simulate the crash: the task files exist with their jira_key mirror, the mappings do not.
        File.Delete(world.Paths.Mappings);

        var rerun = await world.Importer().ImportAsync(jql, dryRun: false, None);

        rerun.Count.ShouldBe(2);
        world.Store.LoadAll().Tasks.Count.ShouldBe(2);
        MappingFile.Load(world.Paths).All.Select(m => m.JiraKey).ShouldBe(["DEMO-1", "DEMO-2"], ignoreOrder: true);
    }

    [Fact]
    public async Task An_import_cut_off_before_its_mappings_adopts_its_tasks_even_after_the_cli_rewrote_them()
    {
        await using var world = await SyncWorld.CreateAsync();
        world.Jira.Sandbox.SeedIssues(9);
        var jql = JiraImporter.ResolveJql(null, SyncConfig.Load(world.Paths));
        var killed = new JiraImporter(world.Store, world.SyncClient, SyncConfig.Load(world.Paths), world.Paths, TimeProvider.System,
            world.Jira.Sandbox.BaseUrl.ToString()) { CheckpointTasksWritten = () => throw new OperationCanceledException("killed") };
        await Should.ThrowAsync<OperationCanceledException>(() => killed.ImportAsync(jql, dryRun: false, None));
        File.Exists(world.Paths.Mappings).ShouldBeFalse();
        // The user edits every task with the CLI, which rewrites the file and drops the jira_key mirror.
        foreach (var task in world.Store.LoadAll().Tasks)
            (await BacklogCli.RunAsync(world.Root, "task", "edit", task.Id.ToString(), "-s", "In Progress")).EnsureSuccess("edit");
        world.Store.LoadAll().Tasks.ShouldAllBe(t => MappedTaskResolver.MirrorKey(t) == null);

        var rerun = await world.Importer().ImportAsync(jql, dryRun: false, None);

        rerun.Count.ShouldBe(9);
        rerun.ShouldAllBe(o => o.Error == null);
        world.Store.LoadAll().Tasks.Count.ShouldBe(9);
        MappingFile.Load(world.Paths).All.Select(m => m.JiraKey).Order().ShouldBe(Enumerable.Range(1, 9).Select(i => $"DEMO-{i}").Order());
        File.Exists(world.Paths.ImportIntent).ShouldBeFalse("the intent goes once the mappings hold it");
        (await world.Importer().ImportAsync(jql, dryRun: false, None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Recorded_intent_never_adopts_a_task_with_the_same_id_but_another_creation()
    {
        await using var world = await SyncWorld.CreateAsync();
        world.Jira.Sandbox.SeedIssues(1);
        // A crash before any file was written leaves an intent for TASK-1; the user then creates their own TASK-1.
        await new ImportIntent(world.Paths).SaveAsync([new ImportIntentEntry("DEMO-1", "10000", "TASK-1", "2001-01-01 00:00", "backlog/tasks/task-1 - x.md")], None);
        (await BacklogCli.RunAsync(world.Root, "task", "create", "Mine, not the import's")).EnsureSuccess("create");

        var outcomes = await world.Importer().ImportAsync("project = DEMO", dryRun: false, None);

        outcomes.Single().TaskId.ShouldBe("TASK-2");
        world.Store.Get("TASK-1").Title.ShouldBe("Mine, not the import's");
        MappingFile.Load(world.Paths).ForTask("TASK-1").ShouldBeNull();
    }

    [Theory]
    [InlineData(JiraTransport.Rest)]
    [InlineData(JiraTransport.Mcp)]
    public async Task Import_dry_run_lists_the_issues_and_writes_nothing(JiraTransport transport)
    {
        await using var world = await SyncWorld.CreateAsync(transport: transport);
        world.Jira.Sandbox.SeedIssues(3);
        var outcomes = await world.Importer().ImportAsync("project = DEMO", dryRun: true, None);
        outcomes.Select(o => o.JiraKey).ShouldBe(["DEMO-1", "DEMO-2", "DEMO-3"], ignoreOrder: true);
        outcomes.ShouldAllBe(o => o.Changes.Single().Direction == "create in Backlog");
        world.Store.LoadAll().Tasks.ShouldBeEmpty();
        File.Exists(world.Paths.Mappings).ShouldBeFalse();
        File.Exists(world.Paths.OpsLog).ShouldBeFalse();
    }
}
