using BacklogJira.Core.Mapping;
using BacklogJira.Core.Merge;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;
using BacklogJira.Sync.Tests.Engine;
using BacklogJira.Testing;
using Sandbox.Jira;

namespace BacklogJira.Sync.Tests.Fields;

/// <summary>Issue 16's built-in fields: the due date, the Definition of Done and the final summary, both ways, with the
/// real <c>backlog</c> CLI on one side and the Jira sandbox on the other.</summary>
public class DatesAndChecklistsTests
{
    private static CancellationToken None => CancellationToken.None;

    [Theory]
    [InlineData(SandboxMode.Cloud, JiraTransport.Rest)]
    [InlineData(SandboxMode.DataCenter, JiraTransport.Rest)]
    [InlineData(SandboxMode.Cloud, JiraTransport.Mcp)]
    public async Task A_due_date_crosses_both_ways_and_a_cleared_one_is_cleared(SandboxMode mode, JiraTransport transport)
    {
        await using var world = await SyncWorld.CreateAsync(mode: mode, transport: transport);
        var id = await world.CreateTaskAsync("--due-date", "2026-12-24", "--", "Ship the release");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        (await world.Client.GetIssueAsync(key, None))!.DueDate.ShouldBe("2026-12-24");

        await world.Client.UpdateIssueAsync(key, new JiraIssueUpdate { ChangeDueDate = true, DueDate = "2027-01-15" }, None);
        (await world.RunAsync(SyncMode.Sync, ConflictStrategy.Manual)).Single().Pulled.ShouldBe(["dueDate"]);
        world.Store.Get(id).DueDate.ShouldBe("2027-01-15");
        // The file we wrote is one the CLI still reads (an invalid due date would hide the task from it).
        (await BacklogCli.RunAsync(world.Root, "task", "edit", id, "--clear-due-date")).EnsureSuccess("task edit --clear-due-date");

        (await world.RunAsync(SyncMode.Sync, ConflictStrategy.Manual)).Single().Pushed.ShouldBe(["dueDate"]);
        (await world.Client.GetIssueAsync(key, None))!.DueDate.ShouldBeNull();
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.InSync);
    }

    [Fact]
    public async Task The_same_due_date_changed_differently_on_both_sides_is_a_conflict_on_that_field_only()
    {
        await using var world = await SyncWorld.CreateAsync();
        var id = await world.CreateTaskAsync("--due-date", "2026-12-24", "--", "Plan the party");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        await world.CliAsync("task", "edit", id, "--due-date", "2026-12-31", "-t", "Plan the big party");
        await world.Client.UpdateIssueAsync(key, new JiraIssueUpdate { ChangeDueDate = true, DueDate = "2027-01-02" }, None);

        var outcome = (await world.RunAsync(SyncMode.Sync, ConflictStrategy.Manual)).Single();

        outcome.Conflicts.ShouldBe(["dueDate"]);
        outcome.Pushed.ShouldBe(["title"]);
        world.Store.Get(id).DueDate.ShouldBe("2026-12-31");
        (await world.Client.GetIssueAsync(key, None))!.DueDate.ShouldBe("2027-01-02");
        (await world.RunAsync(SyncMode.Sync, ConflictStrategy.PreferJira)).Single().Pulled.ShouldBe(["dueDate"]);
        world.Store.Get(id).DueDate.ShouldBe("2027-01-02");
    }

    [Theory]
    [InlineData(JiraTransport.Rest)]
    [InlineData(JiraTransport.Mcp)]
    public async Task Definition_of_done_items_and_their_checks_cross_both_ways_and_merge_item_by_item(JiraTransport transport)
    {
        await using var world = await SyncWorld.CreateAsync(transport: transport);
        var id = await world.CreateTaskAsync("--no-dod-defaults", "--dod", "Tests pass", "--dod", "Docs updated", "--ac", "Works", "--", "Done means done");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        var created = await JiraPartsAsync(world, key);
        created.DefinitionOfDone.ShouldBe([new("Tests pass", false), new("Docs updated", false)]);
        created.AcceptanceCriteria.ShouldBe([new("Works", false)]);

        // --check-dod used to leave the pair "in sync".
        await world.CliAsync("task", "edit", id, "--check-dod", "1");
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.NeedsPush);
        (await world.RunAsync(SyncMode.Sync, ConflictStrategy.Manual)).Single().Pushed.ShouldBe(["definitionOfDone"]);
        (await JiraPartsAsync(world, key)).DefinitionOfDone.ShouldBe([new("Tests pass", true), new("Docs updated", false)]);

        // Both sides change the list: Jira checks item 2, Backlog adds an item. Merged, no conflict.
        var parts = await JiraPartsAsync(world, key);
        await world.Client.UpdateIssueAsync(key, new JiraIssueUpdate
        {
            ChangeDescription = true,
            Description = JiraPerson.Checklist(ManagedDescription.Compose(parts with { DefinitionOfDone = [new("Tests pass", true), new("Docs updated", true)] }), transport),
        }, None);
        await world.CliAsync("task", "edit", id, "--dod", "Released");

        var merged = (await world.RunAsync(SyncMode.Sync, ConflictStrategy.Manual)).Single();

        merged.Conflicts.ShouldBeEmpty();
        List<(string, bool)> expected = [("Tests pass", true), ("Docs updated", true), ("Released", false)];
        world.Store.Get(id).DefinitionOfDone.Select(i => (i.Text, i.Checked)).ShouldBe(expected);
        (await JiraPartsAsync(world, key)).DefinitionOfDone.Select(i => (i.Text, i.Checked)).ShouldBe(expected);
        (await JiraPartsAsync(world, key)).AcceptanceCriteria.ShouldBe([new("Works", false)]);
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.InSync);
    }

    [Fact]
    public async Task A_final_summary_crosses_both_ways()
    {
        await using var world = await SyncWorld.CreateAsync(mode: SandboxMode.DataCenter);
        var id = await world.CreateTaskAsync("-d", "Body", "--", "Summarised");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        await world.CliAsync("task", "edit", id, "--final-summary", "Shipped behind a **flag**.");

        (await world.RunAsync(SyncMode.Sync, ConflictStrategy.Manual)).Single().Pushed.ShouldBe(["finalSummary"]);
        var parts = await JiraPartsAsync(world, key);
        parts.FinalSummary.ShouldBe("Shipped behind a **flag**.");
        parts.Description.ShouldBe("Body");

        await world.Client.UpdateIssueAsync(key, new JiraIssueUpdate { ChangeDescription = true, Description = ManagedDescription.Compose(parts with { FinalSummary = "Shipped; flag removed." }) }, None);
        (await world.RunAsync(SyncMode.Sync, ConflictStrategy.Manual)).Single().Pulled.ShouldBe(["finalSummary"]);
        world.Store.Get(id).FinalSummary.ShouldBe("Shipped; flag removed.");
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.InSync);
    }

    [Fact]
    public async Task A_jira_description_without_the_done_list_keeps_it_in_the_task_and_writes_it_back()
    {
        await using var world = await SyncWorld.CreateAsync();
        var id = await world.CreateTaskAsync("--no-dod-defaults", "--dod", "Reviewed", "--final-summary", "All good", "--", "Kept");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        await world.Client.UpdateIssueAsync(key, new JiraIssueUpdate { ChangeDescription = true, Description = "Rewritten in Jira" }, None);

        (await world.RunAsync(SyncMode.Pull)).Single().Pulled.ShouldBe(["description"]);
        var task = world.Store.Get(id);
        task.DefinitionOfDone.Select(i => i.Text).ShouldBe(["Reviewed"]);
        task.FinalSummary.ShouldBe("All good");

        (await world.RunAsync(SyncMode.Sync, ConflictStrategy.Manual)).Single().Pushed.ShouldBe(["definitionOfDone", "finalSummary"], ignoreOrder: true);
        var parts = await JiraPartsAsync(world, key);
        parts.Description.ShouldBe("Rewritten in Jira");
        parts.DefinitionOfDone.Select(i => i.Text).ShouldBe(["Reviewed"]);
        parts.FinalSummary.ShouldBe("All good");
    }

    [Theory]
    [InlineData(JiraTransport.Rest)]
    [InlineData(JiraTransport.Mcp)]
    public async Task An_imported_issue_brings_its_due_date_done_list_and_summary_without_the_project_defaults(JiraTransport transport)
    {
        await using var world = await SyncWorld.CreateAsync(transport: transport);
        await File.AppendAllTextAsync(Path.Combine(world.Root, "backlog", "config.yml"), "definition_of_done:\n  - \"Default item\"\n");
        var description = ManagedDescription.Compose(new DescriptionParts("From Jira", [new("Criterion met", true)], "", "")
        {
            DefinitionOfDone = [new("Signed off", true), new("Deployed", false)],
            FinalSummary = "Nothing left.",
        });
        var issue = await world.Client.CreateIssueAsync(new JiraIssueDraft
        {
            ProjectKey = "DEMO", IssueType = "Task", Summary = "Imported with dates", Description = JiraPerson.Checklist(description, transport), DueDate = "2027-03-01",
        }, None);

        var outcomes = await world.Importer().ImportAsync(JiraImporter.ResolveJql(null, SyncConfig.Load(world.Paths)), dryRun: false, None);

        outcomes.ShouldAllBe(o => o.Error == null);
        var task = world.Store.Get(MappingFile.Load(world.Paths).ForIssue(issue.Key)!.TaskId);
        task.DueDate.ShouldBe("2027-03-01");
        task.DefinitionOfDone.Select(i => (i.Text, i.Checked)).ShouldBe([("Signed off", true), ("Deployed", false)]);
        task.FinalSummary.ShouldBe("Nothing left.");
        // Checked items used to arrive unchecked and leave the new pair in conflict.
        task.AcceptanceCriteria.Select(i => (i.Text, i.Checked)).ShouldBe([("Criterion met", true)]);
        task.Description.ShouldBe("From Jira");
        world.Jira.Sandbox.Counters.Reset();
        (await world.RunAsync(SyncMode.Sync, ConflictStrategy.Manual)).Single(o => o.JiraKey == issue.Key).State.ShouldBe(PairState.InSync);
        world.JiraWrites.ShouldBe(0);
    }

    [Fact]
    public async Task A_field_missing_from_the_edit_screen_waits_and_the_other_fields_are_still_written()
    {
        await using var world = await SyncWorld.CreateAsync();
        var id = await world.CreateTaskAsync("--", "Screened");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        world.Jira.Sandbox.State.Write(data => data.Projects[0].HiddenFields.Add("duedate"));
        await world.CliAsync("task", "edit", id, "--due-date", "2027-05-01", "-t", "Screened, renamed", "-l", "ops");

        var outcome = (await world.RunAsync(SyncMode.Sync, ConflictStrategy.Manual)).Single();

        outcome.Error.ShouldBeNull();
        outcome.Pushed.ShouldBe(["title", "labels"], ignoreOrder: true);
        outcome.Warnings.ShouldContain(w => w.Contains("Jira refused dueDate") && w.Contains("appropriate screen"));
        var issue = (await world.Client.GetIssueAsync(key, None))!;
        issue.Summary.ShouldBe("Screened, renamed");
        issue.Labels.ShouldBe(["ops"]);
        issue.DueDate.ShouldBeNull();
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.NeedsPush);
        world.Store.Get(id).DueDate.ShouldBe("2027-05-01");

        world.Jira.Sandbox.State.Write(data => data.Projects[0].HiddenFields.Remove("duedate"));
        (await world.RunAsync(SyncMode.Sync, ConflictStrategy.Manual)).Single().Pushed.ShouldBe(["dueDate"]);
        (await world.Client.GetIssueAsync(key, None))!.DueDate.ShouldBe("2027-05-01");
    }

    [Fact]
    public async Task Every_value_a_pull_writes_survives_an_edit_by_the_real_cli()
    {
        await using var world = await SyncWorld.CreateAsync();
        await world.CliAsync("milestone", "add", "Beta");
        await world.Client.CreateVersionAsync("DEMO", "Beta", None);
        var id = await world.CreateTaskAsync("--no-dod-defaults", "--", "Pulled into");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        var parts = await JiraPartsAsync(world, key);
        await world.Client.UpdateIssueAsync(key, new JiraIssueUpdate
        {
            ChangeDescription = true,
            Description = ManagedDescription.Compose(parts with { DefinitionOfDone = [new("Signed off", true)], FinalSummary = "All done." }),
            ChangeDueDate = true,
            DueDate = "2027-06-30",
            IssueTypeName = "Story",
            FixVersions = ["Beta"],
        }, None);
        (await world.RunAsync(SyncMode.Pull)).Single().Pulled.ShouldBe(["type", "dueDate", "milestone", "definitionOfDone", "finalSummary"], ignoreOrder: true);

        await world.CliAsync("task", "edit", id, "-s", "In Progress", "--append-notes", "CLI was here");

        var task = world.Store.Get(id);
        task.Status.ShouldBe("In Progress");
        task.DueDate.ShouldBe("2027-06-30");
        task.Type.ShouldBe("feature");
        task.Milestone.ShouldBe("m-0");
        task.DefinitionOfDone.Select(i => (i.Text, i.Checked)).ShouldBe([("Signed off", true)]);
        task.FinalSummary.ShouldBe("All done.");
        var shown = (await BacklogCli.RunAsync(world.Root, "task", "view", id, "--plain")).EnsureSuccess("task view").Stdout;
        shown.ShouldContain("2027-06-30");
        shown.ShouldContain("Signed off");
        var after = (await world.RunAsync(SyncMode.Sync, ConflictStrategy.Manual)).Single();
        after.Pushed.ShouldBe(["status", "implementationNotes"], ignoreOrder: true);
        after.Pulled.ShouldBeEmpty();
    }

    [Fact]
    public async Task Over_mcp_a_checklist_made_in_jira_that_cannot_be_read_is_left_in_jira_and_never_read_as_deleted()
    {
        await using var world = await SyncWorld.CreateAsync(transport: JiraTransport.Mcp);
        // Made in Jira by a person, with [x] boxes: mcp-atlassian's reader drops them, so the section cannot be read.
        var description = ManagedDescription.Compose(new DescriptionParts("From Jira", [], "", "") { DefinitionOfDone = [new("Signed off", true), new("Deployed", false)] });
        var issue = await world.Client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "Checked in Jira", Description = description }, None);

        (await world.Importer().ImportAsync(JiraImporter.ResolveJql(null, SyncConfig.Load(world.Paths)), dryRun: false, None)).ShouldAllBe(o => o.Error == null);
        var taskId = MappingFile.Load(world.Paths).ForIssue(issue.Key)!.TaskId;
        world.Store.Get(taskId).DefinitionOfDone.ShouldBeEmpty();

        await world.CliAsync("task", "edit", taskId, "-t", "Checked in Jira, renamed", "-d", "Body from Backlog.md");
        var outcome = (await world.RunAsync(SyncMode.Sync, ConflictStrategy.PreferBacklog)).Single(o => o.JiraKey == issue.Key);

        // The title goes; the description waits, saying why and what to do, and Jira keeps every word and box.
        (await world.Client.GetIssueAsync(issue.Key, None))!.Summary.ShouldBe("Checked in Jira, renamed");
        outcome.Warnings.ShouldContain(w => w.Contains("\"Definition of Done (managed by backlog-jira)\" section cannot be read", StringComparison.Ordinal) && w.Contains('☑', StringComparison.Ordinal));
        var parts = await JiraPartsAsync(world, issue.Key);
        parts.DefinitionOfDone.ShouldBe([new("Signed off", true), new("Deployed", false)]);
        parts.Description.ShouldBe("From Jira");
        world.Store.Get(taskId).Description.ShouldBe("Body from Backlog.md");
        (await world.RunAsync(SyncMode.Status)).Single(o => o.JiraKey == issue.Key).State.ShouldNotBe(PairState.InSync);
    }

    private static async Task<DescriptionParts> JiraPartsAsync(SyncWorld world, string key) =>
        ManagedDescription.Parse((await world.Client.GetIssueAsync(key, None))!.Description);
}
