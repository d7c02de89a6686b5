using System.Text.Json.Nodes;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;
using BacklogJira.Sync.Tests.Engine;
using BacklogJira.Testing;
using Sandbox.Jira.Model;

namespace BacklogJira.Sync.Tests.Fields;

/// <summary>Issue 16: several Jira projects per repository, routed by the Backlog.md 1.52 <c>project</c> of each task.</summary>
public class SeveralProjectsTests
{
    private static CancellationToken None => CancellationToken.None;

    private static async Task<SyncWorld> WorldAsync()
    {
        var world = await SyncWorld.CreateAsync(configure: c => c["jira"]!["projectMap"] = new JsonObject { ["mobile"] = "OPS" });
        world.Jira.Sandbox.State.Write(data => data.Projects.Add(new SandboxProject { Id = "10001", Key = "OPS", Name = "Operations", LeadId = data.Projects[0].LeadId }));
        await File.AppendAllTextAsync(Path.Combine(world.Root, "backlog", "config.yml"), "projects:\n  - web\n  - mobile\n");
        return world;
    }

    [Fact]
    public async Task Create_issue_files_each_task_in_its_project_s_jira_project_and_refuses_to_guess()
    {
        await using var world = await WorldAsync();
        var plain = await world.CreateTaskAsync("--", "No project");
        var mobile = await world.CreateTaskAsync("--project", "mobile", "--", "App crash");
        var web = await world.CreateTaskAsync("--project", "web", "--", "Landing page");

        var outcomes = await world.Creator().CreateManyAsync([plain, mobile, web], null, false, 1, None);

        outcomes[0].JiraKey.ShouldBe("DEMO-1");
        outcomes[1].JiraKey.ShouldBe("OPS-1");
        outcomes[2].JiraKey.ShouldBeNull();
        outcomes[2].Error.ShouldNotBeNull().ShouldContain("jira.projectMap");
        outcomes[2].Error!.ShouldContain("--project");
        MappingFile.Load(world.Paths).ForTask(web).ShouldBeNull();

        var chosen = await new IssueCreator(world.Store, world.SyncClient, SyncConfig.Load(world.Paths), world.Paths, TimeProvider.System, world.Jira.Sandbox.BaseUrl.ToString())
            { ProjectOverride = "DEMO" }.CreateAsync(web, null, false, None);
        chosen.JiraKey.ShouldBe("DEMO-2");
        (await world.RunAsync(SyncMode.Status)).ShouldAllBe(o => o.State == PairState.InSync);
    }

    [Fact]
    public async Task Import_reads_every_mapped_project_and_gives_each_task_its_backlog_project()
    {
        await using var world = await WorldAsync();
        var ops = await world.Client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "OPS", IssueType = "Task", Summary = "Rotate keys" }, None);
        var demo = await world.Client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "Write docs" }, None);

        var jql = JiraImporter.ResolveJql(null, SyncConfig.Load(world.Paths));
        jql.ShouldBe("project in (\"DEMO\", \"OPS\") ORDER BY created ASC");
        var outcomes = await world.Importer().ImportAsync(jql, dryRun: false, None);

        outcomes.Count.ShouldBe(2);
        var mappings = MappingFile.Load(world.Paths);
        world.Store.Get(mappings.ForIssue(ops.Key)!.TaskId).Project.ShouldBe("mobile");
        world.Store.Get(mappings.ForIssue(demo.Key)!.TaskId).Project.ShouldBeNull();
        var listed = (await BacklogCli.RunAsync(world.Root, "task", "list", "--plain")).EnsureSuccess("task list");
        listed.Stdout.ShouldContain("Rotate keys");
    }
}
