using System.Text.Json.Nodes;
using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Merge;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;
using BacklogJira.Sync.Tests.Engine;
using BacklogJira.Testing;
using Sandbox.Jira;

namespace BacklogJira.Sync.Tests.Fields;

/// <summary>Issue 16: the task type ⇄ the issue type, the reporter ⇄ the reporter, and <c>sync.fields</c>, with the
/// real <c>backlog</c> CLI and the Jira sandbox.</summary>
public class TypeAndReporterTests
{
    private static CancellationToken None => CancellationToken.None;

    [Theory]
    [InlineData(SandboxMode.Cloud, JiraTransport.Rest)]
    [InlineData(SandboxMode.DataCenter, JiraTransport.Rest)]
    [InlineData(SandboxMode.Cloud, JiraTransport.Mcp)]
    public async Task A_task_type_becomes_the_issue_type_and_a_retype_in_either_place_crosses(SandboxMode mode, JiraTransport transport)
    {
        await using var world = await SyncWorld.CreateAsync(mode: mode, transport: transport);
        var id = await world.CreateTaskAsync("--type", "bug", "--", "Crash on save");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        (await world.Client.GetIssueAsync(key, None))!.IssueType.ShouldBe("Bug");

        await world.Client.UpdateIssueAsync(key, new JiraIssueUpdate { IssueTypeName = "Story" }, None);
        (await world.RunAsync(SyncMode.Sync, ConflictStrategy.Manual)).Single().Pulled.ShouldBe(["type"]);
        world.Store.Get(id).Type.ShouldBe("feature");

        await world.CliAsync("task", "edit", id, "--type", "task");
        (await world.RunAsync(SyncMode.Sync, ConflictStrategy.Manual)).Single().Pushed.ShouldBe(["type"]);
        (await world.Client.GetIssueAsync(key, None))!.IssueType.ShouldBe("Task");
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.InSync);
    }

    [Fact]
    public async Task A_pair_of_the_default_type_is_in_sync_without_writing_a_type_into_the_task()
    {
        await using var world = await SyncWorld.CreateAsync();
        var id = await world.CreateTaskAsync("--", "Plain task");
        await world.Creator().CreateAsync(id, null, false, None);
        var before = await File.ReadAllTextAsync(world.TaskFile(id));

        (await world.RunAsync(SyncMode.Sync, ConflictStrategy.Manual)).Single().State.ShouldBe(PairState.InSync);

        (await File.ReadAllTextAsync(world.TaskFile(id))).ShouldBe(before);
        world.Store.Get(id).Type.ShouldBeNull();
    }

    [Fact]
    public async Task A_retype_jira_refuses_is_reported_and_the_other_fields_still_go()
    {
        await using var world = await SyncWorld.CreateAsync();
        // Bugs follow a workflow of their own: Jira's edit cannot move a Task there (that takes its Move wizard).
        world.Jira.Sandbox.State.Write(data => data.Projects[0].IssueTypeWorkflows["10002"] = new Sandbox.Jira.Model.Workflow(
            "20000", [new("20000", "Open", "new"), new("20001", "Closed", "done")], [new("71", "Close", [], "20001", [], [])]));
        var id = await world.CreateTaskAsync("--", "Was a task");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        await world.CliAsync("task", "edit", id, "--type", "bug", "-t", "Is a bug");

        var outcome = (await world.RunAsync(SyncMode.Sync, ConflictStrategy.Manual)).Single();

        outcome.Error.ShouldBeNull();
        outcome.Pushed.ShouldBe(["title"]);
        outcome.Warnings.ShouldContain(w => w.Contains("refused to change the issue type") && w.Contains("Move"));
        var issue = (await world.Client.GetIssueAsync(key, None))!;
        issue.Summary.ShouldBe("Is a bug");
        issue.IssueType.ShouldBe("Task");
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.NeedsPush);
        world.Store.Get(id).Type.ShouldBe("bug");
    }

    [Fact]
    public async Task Types_with_no_counterpart_wait_with_the_key_to_add_and_never_erase_anything()
    {
        await using var world = await SyncWorld.CreateAsync();
        await File.AppendAllTextAsync(Path.Combine(world.Root, "backlog", "config.yml"), "types:\n  - research\n  - bug\n  - task\n");
        var id = await world.CreateTaskAsync("--type", "research", "--", "Look into it");
        var created = await world.Creator().CreateAsync(id, null, false, None);
        created.Waiting.ShouldContain(w => w.Field == "type" && w.Reason.Contains("backlog.typeMapping"));
        (await world.Client.GetIssueAsync(created.JiraKey!, None))!.IssueType.ShouldBe("Task");
        world.Store.Get(id).Type.ShouldBe("research");

        var epic = await world.Client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Epic", Summary = "Big theme" }, None);
        var imported = (await world.Importer().ImportAsync($"key = {epic.Key}", dryRun: false, None)).Single();
        imported.Waiting.ShouldContain(w => w.Field == "type" && w.Reason.Contains("\"epic\": \"Epic\""));
        var epicTask = imported.TaskId;
        world.Store.Get(epicTask).Type.ShouldBeNull();
        (await world.RunAsync(SyncMode.Sync, ConflictStrategy.Manual, ids: [epicTask])).Single().State.ShouldBe(PairState.NeedsPull);
        (await world.Client.GetIssueAsync(epic.Key, None))!.IssueType.ShouldBe("Epic");

        // The fix the message gives: map the type. Then it is read, and nothing is waiting.
        var config = SyncConfig.Load(world.Paths).Json;
        config["backlog"]!["typeMapping"] = new JsonObject { ["epic"] = "Epic", ["research"] = "Story" };
        await SyncConfig.SaveAsync(world.Paths, config, None);
        (await world.RunAsync(SyncMode.Sync, ConflictStrategy.Manual, ids: [epicTask])).Single().Pulled.ShouldBe(["type"]);
        world.Store.Get(epicTask).Type.ShouldBe("epic");
        (await world.RunAsync(SyncMode.Sync, ConflictStrategy.Manual, ids: [id])).Single().Pushed.ShouldBe(["type"]);
        (await world.Client.GetIssueAsync(created.JiraKey!, None))!.IssueType.ShouldBe("Story");
    }

    [Theory]
    [InlineData(SandboxMode.Cloud)]
    [InlineData(SandboxMode.DataCenter)]
    public async Task The_reporter_syncs_when_switched_on_through_the_user_mapping(SandboxMode mode)
    {
        await using var world = await SyncWorld.CreateAsync(mode: mode, configure: c => c["sync"]!["fields"] = new JsonObject { ["reporter"] = true });
        var id = await world.CreateTaskAsync("--", "Who asked");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        // The issue's reporter is the API user, who has no handle: it waits, and the task keeps none.
        var first = (await world.RunAsync(SyncMode.Sync, ConflictStrategy.Manual)).Single();
        first.Waiting.ShouldContain(w => w.Field == "reporter" && w.Reason.Contains("map-assignees add"));
        world.Store.Get(id).Reporter.ShouldBeNull();

        var bob = mode == SandboxMode.Cloud ? "5b10a2844c20165700ede22b" : "bob";
        var bobUser = (await world.Client.FindUserAsync(bob, None))!;
        await world.Client.UpdateIssueAsync(key, new JiraIssueUpdate { Reporter = bobUser }, None);
        (await world.RunAsync(SyncMode.Sync, ConflictStrategy.Manual)).Single().Pulled.ShouldBe(["reporter"]);
        world.Store.Get(id).Reporter.ShouldBe("@bob");

        await world.Store.UpdateAsync(world.Store.Get(id), _ => new TaskEdit { Reporter = "@alice" }, None);
        (await world.RunAsync(SyncMode.Sync, ConflictStrategy.Manual)).Single().Pushed.ShouldBe(["reporter"]);
        (await world.Client.GetIssueAsync(key, None))!.Reporter!.DisplayName.ShouldBe("Alice Martin");
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.InSync);
    }

    [Fact]
    public async Task A_field_switched_off_is_neither_read_nor_written_and_the_config_names_bad_switches()
    {
        await using var world = await SyncWorld.CreateAsync(configure: c => c["sync"]!["fields"] = new JsonObject { ["dueDate"] = false });
        var id = await world.CreateTaskAsync("--due-date", "2026-12-24", "--", "No dates please");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        (await world.Client.GetIssueAsync(key, None))!.DueDate.ShouldBeNull();
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.InSync);
        world.Store.Get(id).DueDate.ShouldBe("2026-12-24");

        Should.Throw<SyncConfigException>(() => SyncConfig.Parse("""{"sync":{"fields":{"title":false}}}""", "config.json"))
            .Message.ShouldContain("'sync.fields.title' in config.json is not a field that can be switched");
        Should.Throw<SyncConfigException>(() => SyncConfig.Parse("""{"sync":{"fields":{"reporter":"yes"}}}""", "config.json"))
            .Message.ShouldContain("use true or false");
    }
}
