using BacklogJira.Core.Merge;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Tests.Engine;

public class MappingServiceTests
{
    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task Map_auto_pairs_by_key_in_title_and_by_similar_title_and_skips_issues_already_mapped()
    {
        await using var world = await SyncWorld.CreateAsync();
        var keyed = await world.CreateTaskAsync("--", "Follow up on DEMO-2");
        var similar = await world.CreateTaskAsync("--", "Export report as CSV");
        var unrelated = await world.CreateTaskAsync("--", "Something nobody filed");
        await world.Client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "export report as  CSV" }, None);
        await world.Client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "Unrelated summary" }, None);
        var service = new MappingService(world.Store, world.Paths, TimeProvider.System);
        var config = SyncConfig.Load(world.Paths);

        var planned = await service.AutoAsync(world.Client, config, 0.8, dryRun: true, None);
        planned.Select(m => (m.TaskId, m.JiraKey)).ShouldBe([(keyed, "DEMO-2"), (similar, "DEMO-1")], ignoreOrder: true);
        File.Exists(world.Paths.Mappings).ShouldBeFalse();

        var before = File.ReadAllText(world.TaskFile(similar));
        await service.AutoAsync(world.Client, config, 0.8, dryRun: false, None);
        var mappings = MappingFile.Load(world.Paths);
        mappings.ForTask(keyed)!.JiraKey.ShouldBe("DEMO-2");
        mappings.ForTask(similar)!.JiraKey.ShouldBe("DEMO-1");
        mappings.ForTask(unrelated).ShouldBeNull();
        // Pairing writes nothing into task files (issue 14, case 9): the first real comparison brings the jira_* mirror.
        File.ReadAllText(world.TaskFile(similar)).ShouldBe(before);
        await world.RunAsync(SyncMode.Sync, ConflictStrategy.Manual, false, false, similar);
        world.Store.Get(similar).ExtraFrontmatterKeys["jira_key"].ShouldContain("DEMO-1");

        (await service.AutoAsync(world.Client, config, 0.8, dryRun: false, None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Link_refuses_a_second_task_for_the_same_issue_and_remove_clears_the_mirror()
    {
        await using var world = await SyncWorld.CreateAsync();
        var first = await world.CreateTaskAsync("--", "One");
        var second = await world.CreateTaskAsync("--", "Two");
        var issue = await world.Client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "One" }, None);
        var service = new MappingService(world.Store, world.Paths, TimeProvider.System);

        await service.LinkAsync(world.Client, first, issue.Key, force: false, None);
        var refused = await Should.ThrowAsync<MappingException>(() => service.LinkAsync(world.Client, second, issue.Key, force: false, None));
        refused.Message.ShouldContain($"map remove {first}");
        (await Should.ThrowAsync<MappingException>(() => service.LinkAsync(world.Client, first, "DEMO-99", force: false, None))).Message.ShouldContain("DEMO-99");

        await service.RemoveAsync(first, None);
        MappingFile.Load(world.Paths).All.ShouldBeEmpty();
        world.Store.Get(first).ExtraFrontmatterKeys.ContainsKey("jira_key").ShouldBeFalse();
    }
}
