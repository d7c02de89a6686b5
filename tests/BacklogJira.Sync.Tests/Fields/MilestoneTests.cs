using BacklogJira.Core.Merge;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;
using BacklogJira.Sync.Tests.Engine;
using BacklogJira.Testing;
using Sandbox.Jira;

namespace BacklogJira.Sync.Tests.Fields;

/// <summary>Issue 16: the task's milestone ⇄ the issue's fix version, with milestones made by the real CLI.</summary>
public class MilestoneTests
{
    private static CancellationToken None => CancellationToken.None;

    [Theory]
    [InlineData(SandboxMode.Cloud, JiraTransport.Rest)]
    [InlineData(SandboxMode.DataCenter, JiraTransport.Rest)]
    [InlineData(SandboxMode.Cloud, JiraTransport.Mcp)]
    public async Task A_milestone_travels_as_the_fix_version_by_title_and_comes_back_as_the_milestone_id(SandboxMode mode, JiraTransport transport)
    {
        await using var world = await SyncWorld.CreateAsync(mode: mode, transport: transport);
        await world.CliAsync("milestone", "add", "Beta");
        await world.CliAsync("milestone", "add", "GA");
        await world.Client.CreateVersionAsync("DEMO", "Beta", None);
        await world.Client.CreateVersionAsync("DEMO", "GA", None);
        var id = await world.CreateTaskAsync("-m", "Beta", "--", "Ship it");
        world.Store.Get(id).Milestone.ShouldBe("m-0");

        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        (await world.Client.GetIssueAsync(key, None))!.FixVersions.ShouldBe(["Beta"]);

        await world.Client.UpdateIssueAsync(key, new JiraIssueUpdate { FixVersions = ["GA"] }, None);
        (await world.RunAsync(SyncMode.Sync, ConflictStrategy.Manual)).Single().Pulled.ShouldBe(["milestone"]);
        world.Store.Get(id).Milestone.ShouldBe("m-1");

        await world.CliAsync("task", "edit", id, "--clear-milestone");
        (await world.RunAsync(SyncMode.Sync, ConflictStrategy.Manual)).Single().Pushed.ShouldBe(["milestone"]);
        (await world.Client.GetIssueAsync(key, None))!.FixVersions.ShouldBeEmpty();
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.InSync);
    }

    [Fact]
    public async Task A_milestone_with_no_version_waits_with_a_warning_until_versions_may_be_created()
    {
        await using var world = await SyncWorld.CreateAsync();
        var id = await world.CreateTaskAsync("--", "Far future");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        await world.CliAsync("task", "edit", id, "-m", "Gamma");

        var skipped = (await world.RunAsync(SyncMode.Sync, ConflictStrategy.Manual)).Single();
        skipped.Pushed.ShouldBeEmpty();
        skipped.Warnings.ShouldContain(w => w.Contains("jira.createVersions"));
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.NeedsPush);
        world.Store.Get(id).Milestone.ShouldBe("Gamma");

        var config = SyncConfig.Load(world.Paths).Json;
        config["jira"]!["createVersions"] = true;
        await SyncConfig.SaveAsync(world.Paths, config, None);
        (await world.RunAsync(SyncMode.Sync, ConflictStrategy.Manual)).Single().Pushed.ShouldBe(["milestone"]);
        (await world.Client.GetVersionsAsync("DEMO", None)).Select(v => v.Name).ShouldBe(["Gamma"]);
        (await world.Client.GetIssueAsync(key, None))!.FixVersions.ShouldBe(["Gamma"]);
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.InSync);
    }

    [Fact]
    public async Task Several_fix_versions_wait_and_never_replace_the_task_s_milestone()
    {
        await using var world = await SyncWorld.CreateAsync();
        await world.Client.CreateVersionAsync("DEMO", "1.0", None);
        await world.Client.CreateVersionAsync("DEMO", "1.1", None);
        var id = await world.CreateTaskAsync("-m", "1.0", "--", "Backported");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        await world.Client.UpdateIssueAsync(key, new JiraIssueUpdate { FixVersions = ["1.0", "1.1"] }, None);

        var outcome = (await world.RunAsync(SyncMode.Sync, ConflictStrategy.PreferJira)).Single();

        outcome.Waiting.ShouldContain(w => w.Field == "milestone" && w.Reason.Contains("2 fix versions"));
        world.Store.Get(id).Milestone.ShouldBe("1.0");
        (await world.Client.GetIssueAsync(key, None))!.FixVersions.ShouldBe(["1.0", "1.1"]);
    }

    [Fact]
    public async Task The_sandbox_refuses_a_fix_version_the_project_does_not_have_with_jira_s_words()
    {
        await using var world = await SyncWorld.CreateAsync();
        var issue = await world.Client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "x" }, None);
        var refusal = await world.Client.TryUpdateIssueAsync(issue.Key, new JiraIssueUpdate { FixVersions = ["Nope"] }, None);
        refusal.ShouldNotBeNull().Message.ShouldContain("Version name 'Nope' is not valid");
        refusal.Fields.ShouldBe(["fixVersions"]);
        var duplicate = await Should.ThrowAsync<Exception>(async () =>
        {
            await world.Client.CreateVersionAsync("DEMO", "2.0", None);
            await world.Client.CreateVersionAsync("DEMO", "2.0", None);
        });
        duplicate.Message.ShouldContain("A version with this name already exists in this project.");
    }
}
