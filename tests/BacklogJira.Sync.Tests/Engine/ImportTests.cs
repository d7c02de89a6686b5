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
        first.Description.ShouldBe("Seeded description 1.\n\n- [ ] first check\n- [x] second check");
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
