using System.Text.Json.Nodes;
using BacklogJira.Core.Merge;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;
using BacklogJira.Sync.Tests.Engine;
using BacklogJira.Testing;
using Sandbox.Jira;

namespace BacklogJira.Sync.Tests.Fields;

/// <summary>Issue 16: config customFields, each rule a descriptor, with tasks edited by the real CLI and the sandbox's
/// custom fields (docs/field-mapping.md).</summary>
public class CustomFieldRuleTests
{
    private static CancellationToken None => CancellationToken.None;

    internal static Action<JsonObject> Rules(params JsonObject[] rules) => config => config["customFields"] = new JsonArray([.. rules]);

    internal static JsonObject Rule(string jira, string backlog, string? direction = null, JsonObject? values = null)
    {
        var rule = new JsonObject { ["jira"] = jira, ["backlog"] = backlog };
        if (direction is not null) rule["direction"] = direction;
        if (values is not null) rule["values"] = values;
        return rule;
    }

    private static async Task<JsonNode?> FieldAsync(SyncWorld world, string key, string id) =>
        (await world.Client.GetIssueAsync(key, None))!.CustomFields.GetValueOrDefault(id);

    private static async Task<JiraIssue> ReadAsync(SyncWorld world, string key, params string[] fields)
    {
        using var client = new Jira.Rest.JiraRestClient(world.Jira.Settings(s => s with { CustomFields = fields }));
        return (await client.GetIssueAsync(key, None))!;
    }

    [Theory]
    [InlineData(SandboxMode.Cloud)]
    [InlineData(SandboxMode.DataCenter)]
    public async Task Story_points_travel_as_an_sp_label_both_ways_and_never_as_a_jira_label(SandboxMode mode)
    {
        await using var world = await SyncWorld.CreateAsync(Rules(Rule("Story Points", "label:sp:")), mode);
        var id = await world.CreateTaskAsync("-l", "sp:5,backend", "--", "Estimate me");

        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        var issue = await ReadAsync(world, key, "customfield_10016");
        issue.CustomFields["customfield_10016"]!.GetValue<double>().ShouldBe(5);
        issue.Labels.ShouldBe(["backend"]);

        await world.Client.UpdateIssueAsync(key, new JiraIssueUpdate { CustomFields = new Dictionary<string, JiraFieldValue> { ["customfield_10016"] = new JiraFieldValue.Json(8) } }, None);
        (await world.RunAsync(SyncMode.Sync)).Single().Pulled.ShouldBe(["storyPoints"]);
        world.Store.Get(id).Labels.ShouldBe(["backend", "sp:8"], ignoreOrder: true);

        await world.CliAsync("task", "edit", id, "--remove-label", "sp:8", "--add-label", "sp:2.5");
        (await world.RunAsync(SyncMode.Sync)).Single().Pushed.ShouldBe(["storyPoints"]);
        (await ReadAsync(world, key, "customfield_10016")).CustomFields["customfield_10016"]!.GetValue<double>().ShouldBe(2.5);
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.InSync);

        await world.CliAsync("task", "edit", id, "--remove-label", "sp:2.5");
        (await world.RunAsync(SyncMode.Sync)).Single().Pushed.ShouldBe(["storyPoints"]);
        (await ReadAsync(world, key, "customfield_10016")).CustomFields["customfield_10016"].ShouldBeNull();
        world.Store.Get(id).Labels.ShouldBe(["backend"]);
    }

    [Fact]
    public async Task A_value_that_is_not_a_number_waits_in_the_task_with_its_reason_and_other_fields_still_travel()
    {
        await using var world = await SyncWorld.CreateAsync(Rules(Rule("customfield_10016", "label:sp:")));
        var id = await world.CreateTaskAsync("-l", "sp:3", "--", "Estimate");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;

        await world.CliAsync("task", "edit", id, "-l", "sp:big", "-t", "Estimate later");
        var outcome = (await world.RunAsync(SyncMode.Sync)).Single();

        outcome.Pushed.ShouldBe(["title"]);
        outcome.Waiting.ShouldContain(w => w.Field == "customfield10016" && w.Reason.Contains("\"big\" is not a number"));
        (await ReadAsync(world, key, "customfield_10016")).CustomFields["customfield_10016"]!.GetValue<double>().ShouldBe(3);
        world.Store.Get(id).Labels.ShouldBe(["sp:big"]);
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.NeedsPush);
    }

    [Theory]
    [InlineData(SandboxMode.Cloud)]
    [InlineData(SandboxMode.DataCenter)]
    public async Task Selects_cascades_users_versions_and_dates_round_trip_through_their_places(SandboxMode mode)
    {
        await using var world = await SyncWorld.CreateAsync(Rules(
            Rule("Risk", "label:risk:", values: new JsonObject { ["low"] = "Low", ["medium"] = "Medium", ["high"] = "High" }),
            Rule("Platforms", "label:platform:"),
            Rule("Environment", "label:env:"),
            Rule("Reviewer", "label:reviewer:"),
            Rule("Target version", "label:target:"),
            Rule("Start date", "section:Start date"),
            Rule("Deployed at", "label:deployed:")), mode);
        await world.Client.CreateVersionAsync("DEMO", "1.0", None);
        await world.Client.CreateVersionAsync("DEMO", "2.0", None);
        var id = await world.CreateTaskAsync("-l", "risk:high,platform:iOS,platform:Web,env:Production / EU,reviewer:@alice,target:1.0,deployed:2026-03-01T10:30:00+01:00", "--", "Everything");

        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        var issue = await ReadAsync(world, key, "customfield_10022", "customfield_10023", "customfield_10028", "customfield_10027", "customfield_10033", "customfield_10025");
        issue.CustomFields["customfield_10022"]!["value"]!.GetValue<string>().ShouldBe("High");
        issue.CustomFields["customfield_10023"]!.AsArray().Select(o => o!["value"]!.GetValue<string>()).ShouldBe(["iOS", "Web"], ignoreOrder: true);
        issue.CustomFields["customfield_10028"]!["child"]!["value"]!.GetValue<string>().ShouldBe("EU");
        issue.CustomFields["customfield_10027"]!["displayName"]!.GetValue<string>().ShouldBe("Alice Martin");
        issue.CustomFields["customfield_10033"]!["name"]!.GetValue<string>().ShouldBe("1.0");
        issue.CustomFields["customfield_10025"]!.GetValue<string>().ShouldStartWith("2026-03-01T09:30:00.000");
        issue.Labels.ShouldBeEmpty();
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.InSync);

        var bob = mode == SandboxMode.Cloud ? new JiraUser("5b10a2844c20165700ede22b", null, null, "Bob", null, true, null) : new JiraUser(null, "bob", "bob", "Bob", null, true, null);
        await world.Client.UpdateIssueAsync(key, new JiraIssueUpdate
        {
            CustomFields = new Dictionary<string, JiraFieldValue>
            {
                ["customfield_10022"] = new JiraFieldValue.Json(new JsonObject { ["value"] = "Low" }),
                ["customfield_10023"] = new JiraFieldValue.Json(new JsonArray(new JsonObject { ["value"] = "Android" })),
                ["customfield_10028"] = new JiraFieldValue.Json(new JsonObject { ["value"] = "Staging" }),
                ["customfield_10027"] = new JiraFieldValue.Users([bob], true),
                ["customfield_10033"] = new JiraFieldValue.Json(new JsonObject { ["name"] = "2.0" }),
                ["customfield_10024"] = new JiraFieldValue.Json("2026-04-02"),
            },
        }, None);
        var pulled = (await world.RunAsync(SyncMode.Sync)).Single();
        pulled.Pulled.ShouldBe(["risk", "platforms", "environment", "reviewer", "targetVersion", "startDate"], ignoreOrder: true);
        var task = world.Store.Get(id);
        task.Labels.ShouldBe(["risk:low", "platform:Android", "env:Staging", "reviewer:@bob", "target:2.0", "deployed:2026-03-01T10:30:00+01:00"], ignoreOrder: true);
        task.ManagedSections["Start date"].ShouldBe("2026-04-02");
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.InSync);
    }

    [Fact]
    public async Task Rich_text_lives_in_a_managed_section_that_the_real_cli_keeps_across_its_own_edits()
    {
        await using var world = await SyncWorld.CreateAsync(Rules(Rule("QA Notes", "section:QA Notes")));
        var id = await world.CreateTaskAsync("-d", "Legacy-free description", "--", "Needs QA");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        await world.Client.UpdateIssueAsync(key, new JiraIssueUpdate
        {
            CustomFields = new Dictionary<string, JiraFieldValue> { ["customfield_10021"] = new JiraFieldValue.RichText("Check **login** on:\n\n- Safari\n- Firefox") },
        }, None);

        (await world.RunAsync(SyncMode.Sync)).Single().Pulled.ShouldBe(["qaNotes"]);
        world.Store.Get(id).ManagedSections["QA Notes"].ShouldBe("Check **login** on:\n\n- Safari\n- Firefox");
        File.ReadAllText(world.TaskFile(id)).ShouldContain("## QA Notes\n\n<!-- BACKLOG-JIRA:QA-NOTES:BEGIN -->");

        // The CLI rewrites the body on these edits; the managed section must come through each unchanged.
        await world.CliAsync("task", "edit", id, "-d", "New description", "--notes", "Some notes", "--ac", "Works", "--comment", "Looks fine");
        await world.CliAsync("task", "edit", id, "--plan", "1. Do it", "--final-summary", "Done");
        world.Store.Get(id).ManagedSections["QA Notes"].ShouldBe("Check **login** on:\n\n- Safari\n- Firefox");
        (await BacklogCli.RunAsync(world.Root, ["task", "view", id, "--plain"])).Stdout.ShouldContain("New description");

        var synced = (await world.RunAsync(SyncMode.Sync)).Single();
        synced.Pushed.ShouldNotContain("qaNotes");
        await world.CliAsync("task", "edit", id, "--notes", "Other notes");
        var text = File.ReadAllText(world.TaskFile(id)).Replace("Check **login** on:", "Check **login** and logout on:", StringComparison.Ordinal);
        File.WriteAllText(world.TaskFile(id), text);
        (await world.RunAsync(SyncMode.Sync)).Single().Pushed.ShouldContain("qaNotes");
        var notes = (await ReadAsync(world, key, "customfield_10021")).CustomFields["customfield_10021"]!;
        notes.ToJsonString().ShouldContain("logout");
        notes["type"]!.GetValue<string>().ShouldBe("doc");
    }

    [Fact]
    public async Task A_value_jira_does_not_allow_is_reported_and_the_other_fields_are_still_written()
    {
        await using var world = await SyncWorld.CreateAsync(Rules(Rule("Risk", "label:risk:")));
        var id = await world.CreateTaskAsync("-l", "risk:Low", "--", "Risky");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        await world.CliAsync("task", "edit", id, "-l", "risk:Apocalyptic", "-t", "Very risky");

        var outcome = (await world.RunAsync(SyncMode.Sync)).Single();

        outcome.Pushed.ShouldBe(["title"]);
        outcome.Warnings.ShouldContain(w => w.Contains("risk") && w.Contains("Apocalyptic"));
        var issue = await ReadAsync(world, key, "customfield_10022");
        issue.Summary.ShouldBe("Very risky");
        issue.CustomFields["customfield_10022"]!["value"]!.GetValue<string>().ShouldBe("Low");
        world.Store.Get(id).Labels.ShouldBe(["risk:Apocalyptic"]);
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.NeedsPush);
    }

    [Fact]
    public async Task Both_sides_changing_the_same_rule_is_a_conflict_on_that_field_only()
    {
        await using var world = await SyncWorld.CreateAsync(Rules(Rule("Story Points", "label:sp:")));
        var id = await world.CreateTaskAsync("-l", "sp:3", "--", "Contested");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        await world.CliAsync("task", "edit", id, "-l", "sp:5", "-t", "Contested estimate");
        await world.Client.UpdateIssueAsync(key, new JiraIssueUpdate { CustomFields = new Dictionary<string, JiraFieldValue> { ["customfield_10016"] = new JiraFieldValue.Json(8) } }, None);

        var outcome = (await world.RunAsync(SyncMode.Sync, ConflictStrategy.Manual)).Single();

        outcome.State.ShouldBe(PairState.Conflict);
        outcome.Conflicts.ShouldBe(["storyPoints"]);
        outcome.Pushed.ShouldBe(["title"]);
        (await world.RunAsync(SyncMode.Sync, ConflictStrategy.PreferJira)).Single().Pulled.ShouldBe(["storyPoints"]);
        world.Store.Get(id).Labels.ShouldBe(["sp:8"]);
    }

    [Fact]
    public async Task A_one_way_rule_overwrites_the_other_side_and_never_reads_it_back()
    {
        await using var world = await SyncWorld.CreateAsync(Rules(Rule("Team", "label:team:", direction: "toJira")));
        var id = await world.CreateTaskAsync("-l", "team:Platform", "--", "Owned");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        (await FieldAsync(world, key, "customfield_10020")).ShouldBeNull("the plain client does not read rule fields");
        (await ReadAsync(world, key, "customfield_10020")).CustomFields["customfield_10020"]!.GetValue<string>().ShouldBe("Platform");

        await world.Client.UpdateIssueAsync(key, new JiraIssueUpdate { CustomFields = new Dictionary<string, JiraFieldValue> { ["customfield_10020"] = new JiraFieldValue.Json("Mobile") } }, None);
        var outcome = (await world.RunAsync(SyncMode.Sync)).Single();

        outcome.Pushed.ShouldBe(["team"]);
        outcome.Pulled.ShouldBeEmpty();
        world.Store.Get(id).Labels.ShouldBe(["team:Platform"]);
        (await ReadAsync(world, key, "customfield_10020")).CustomFields["customfield_10020"]!.GetValue<string>().ShouldBe("Platform");
    }

    [Fact]
    public async Task A_rule_naming_a_field_jira_does_not_have_stops_the_run_before_anything_is_written_and_says_what_to_write()
    {
        await using var world = await SyncWorld.CreateAsync(Rules(Rule("Story Pts", "label:sp:"), Rule("Sprint points", "section:Points")));
        var id = await world.CreateTaskAsync("--", "Anything");

        var error = await Should.ThrowAsync<SyncConfigException>(() => world.Creator().CreateAsync(id, null, false, None));

        error.Message.ShouldContain("2 problems in customFields", customMessage: error.Message);
        error.Message.ShouldContain("Jira has no field \"Story Pts\"; did you mean \"Story Points\" (customfield_10016)?");
        world.Jira.Sandbox.Counters.ByEndpoint.Keys.ShouldNotContain(k => k.StartsWith("POST", StringComparison.Ordinal) && k.Contains("/issue", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_brings_every_rule_s_value_into_the_new_task()
    {
        await using var world = await SyncWorld.CreateAsync(Rules(Rule("Story Points", "label:sp:"), Rule("QA Notes", "section:QA Notes"), Rule("Platforms", "section:Platforms")));
        var created = await world.Client.CreateIssueAsync(new JiraIssueDraft
        {
            ProjectKey = "DEMO",
            IssueType = "Task",
            Summary = "From Jira",
            Labels = ["imported"],
            CustomFields = new Dictionary<string, JiraFieldValue>
            {
                ["customfield_10016"] = new JiraFieldValue.Json(13),
                ["customfield_10021"] = new JiraFieldValue.RichText("Regression *suite*"),
                ["customfield_10023"] = new JiraFieldValue.Json(new JsonArray(new JsonObject { ["value"] = "iOS" }, new JsonObject { ["value"] = "Web" })),
            },
        }, None);

        var outcome = (await world.Importer().ImportAsync("project = DEMO", false, None)).Single();

        var task = world.Store.Get(outcome.TaskId);
        task.Labels.ShouldBe(["imported", "sp:13"], ignoreOrder: true);
        task.ManagedSections["QA Notes"].ShouldBe("Regression *suite*");
        task.ManagedSections["Platforms"].Split('\n').ShouldBe(["- iOS", "- Web"], ignoreOrder: true);
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.InSync);
        created.Key.ShouldBe(outcome.JiraKey);
    }

    [Fact]
    public async Task A_field_missing_from_the_edit_screen_waits_with_jira_s_reason_while_the_rest_is_written()
    {
        await using var world = await SyncWorld.CreateAsync(Rules(Rule("Story Points", "label:sp:")));
        var id = await world.CreateTaskAsync("-l", "sp:1", "--", "Screened");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        world.Jira.Sandbox.State.Write(data => data.Projects[0].HiddenFields.Add("customfield_10016"));
        await world.CliAsync("task", "edit", id, "-l", "sp:2", "-t", "Screened out");

        var outcome = (await world.RunAsync(SyncMode.Sync)).Single();

        outcome.Pushed.ShouldBe(["title"]);
        outcome.Warnings.ShouldContain(w => w.Contains("storyPoints") && w.Contains("customfield_10016"));
        (await ReadAsync(world, key, "customfield_10016")).CustomFields["customfield_10016"]!.GetValue<double>().ShouldBe(1);
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.NeedsPush);
        world.Jira.Sandbox.State.Write(data => data.Projects[0].HiddenFields.Clear());
        (await world.RunAsync(SyncMode.Sync)).Single().Pushed.ShouldBe(["storyPoints"]);
    }

    [Theory]
    [InlineData(SandboxMode.Cloud)]
    [InlineData(SandboxMode.DataCenter)]
    public async Task Components_travel_as_component_labels_and_one_jira_does_not_have_waits(SandboxMode mode)
    {
        await using var world = await SyncWorld.CreateAsync(Rules(Rule("Components", "label:component:")), mode);
        var id = await world.CreateTaskAsync("-l", "component:Backend,component:API", "--", "Two parts");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        (await ReadAsync(world, key, "components")).CustomFields["components"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ShouldBe(["Backend", "API"], ignoreOrder: true);

        await world.Client.UpdateIssueAsync(key, new JiraIssueUpdate { CustomFields = new Dictionary<string, JiraFieldValue> { ["components"] = new JiraFieldValue.Json(new JsonArray(new JsonObject { ["name"] = "Frontend" })) } }, None);
        (await world.RunAsync(SyncMode.Sync)).Single().Pulled.ShouldBe(["components"]);
        world.Store.Get(id).Labels.ShouldBe(["component:Frontend"]);

        await world.CliAsync("task", "edit", id, "--add-label", "component:Database");
        var outcome = (await world.RunAsync(SyncMode.Sync)).Single();
        outcome.Warnings.ShouldContain(w => w.Contains("Component name 'Database' is not valid"));
        world.Store.Get(id).Labels.ShouldBe(["component:Frontend", "component:Database"], ignoreOrder: true);
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.NeedsPush);
    }

    /// <summary>docs/field-mapping.md's worked example, as written there.</summary>
    [Fact]
    public async Task The_worked_example_of_the_field_mapping_page_does_what_the_page_says()
    {
        await using var world = await SyncWorld.CreateAsync(Rules(
            Rule("Story Points", "label:sp:"),
            Rule("Components", "label:component:"),
            Rule("Environment", "label:env:", values: new JsonObject { ["prod"] = "Production", ["staging"] = "Staging" }),
            Rule("QA Notes", "section:QA Notes")));
        var id = await world.CreateTaskAsync("-l", "sp:3,component:Backend,component:API,env:prod / EU", "--", "Checkout times out");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        var issue = await ReadAsync(world, key, "customfield_10016", "components", "customfield_10028");
        issue.CustomFields["customfield_10016"]!.GetValue<double>().ShouldBe(3);
        issue.CustomFields["customfield_10028"]!["value"]!.GetValue<string>().ShouldBe("Production");
        issue.CustomFields["customfield_10028"]!["child"]!["value"]!.GetValue<string>().ShouldBe("EU");
        issue.Labels.ShouldBeEmpty();

        await world.Client.UpdateIssueAsync(key, new JiraIssueUpdate
        {
            CustomFields = new Dictionary<string, JiraFieldValue>
            {
                ["customfield_10016"] = new JiraFieldValue.Json(5),
                ["customfield_10021"] = new JiraFieldValue.RichText("Reproduced on **EU** only; see the attached HAR."),
            },
        }, None);
        (await world.RunAsync(SyncMode.Sync)).Single().Pulled.ShouldBe(["storyPoints", "qaNotes"], ignoreOrder: true);
        var task = world.Store.Get(id);
        task.Labels.ShouldBe(["sp:5", "component:Backend", "component:API", "env:prod / EU"], ignoreOrder: true);
        File.ReadAllText(world.TaskFile(id)).ShouldContain("## QA Notes\n\n<!-- BACKLOG-JIRA:QA-NOTES:BEGIN -->\nReproduced on **EU** only; see the attached HAR.\n<!-- BACKLOG-JIRA:QA-NOTES:END -->");

        await world.Client.UpdateIssueAsync(key, new JiraIssueUpdate { CustomFields = new Dictionary<string, JiraFieldValue> { ["customfield_10028"] = new JiraFieldValue.Json(new JsonObject { ["value"] = "Staging", ["child"] = new JsonObject { ["value"] = "EU" } }) } }, None);
        (await world.RunAsync(SyncMode.Sync)).Single().Pulled.ShouldBe(["environment"]);
        world.Store.Get(id).Labels.ShouldContain("env:staging / EU");
    }

    [Theory]
    [InlineData(SandboxMode.Cloud)]
    [InlineData(SandboxMode.DataCenter)]
    public async Task Urls_radios_checkboxes_labels_users_and_versions_round_trip_too(SandboxMode mode)
    {
        await using var world = await SyncWorld.CreateAsync(Rules(
            Rule("Spec URL", "label:spec:"),
            Rule("Severity", "label:severity:"),
            Rule("Checks", "section:Checks"),
            Rule("Tags", "label:tag:"),
            Rule("Stakeholders", "section:Stakeholders"),
            Rule("Affected builds", "label:build:")), mode);
        await world.Client.CreateVersionAsync("DEMO", "1.0", None);
        await world.Client.CreateVersionAsync("DEMO", "1.1", None);
        var id = await world.CreateTaskAsync("-l", "spec:https://example.com/spec,severity:S2,tag:alpha,tag:beta,build:1.0", "--", "Breadth");
        await world.Store.UpdateAsync(id, _ => new BacklogJira.BacklogMd.Writing.TaskEdit
        {
            ManagedSections = new Dictionary<string, string> { ["Checks"] = "- Security", ["Stakeholders"] = "- @alice\n- @bob" },
        }, None);

        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        var issue = await ReadAsync(world, key, "customfield_10026", "customfield_10029", "customfield_10030", "customfield_10032", "customfield_10031", "customfield_10034");
        issue.CustomFields["customfield_10026"]!.GetValue<string>().ShouldBe("https://example.com/spec");
        issue.CustomFields["customfield_10029"]!["value"]!.GetValue<string>().ShouldBe("S2");
        issue.CustomFields["customfield_10030"]!.AsArray().Select(o => o!["value"]!.GetValue<string>()).ShouldBe(["Security"]);
        issue.CustomFields["customfield_10032"]!.AsArray().Select(l => l!.GetValue<string>()).ShouldBe(["alpha", "beta"], ignoreOrder: true);
        issue.CustomFields["customfield_10031"]!.AsArray().Count.ShouldBe(2);
        issue.CustomFields["customfield_10034"]!.AsArray().Select(v => v!["name"]!.GetValue<string>()).ShouldBe(["1.0"]);
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.InSync);

        await world.Client.UpdateIssueAsync(key, new JiraIssueUpdate
        {
            CustomFields = new Dictionary<string, JiraFieldValue>
            {
                ["customfield_10026"] = new JiraFieldValue.Json("https://example.com/v2"),
                ["customfield_10029"] = new JiraFieldValue.Json(new JsonObject { ["value"] = "S1" }),
                ["customfield_10030"] = new JiraFieldValue.Json(new JsonArray(new JsonObject { ["value"] = "Security" }, new JsonObject { ["value"] = "Performance" })),
                ["customfield_10032"] = new JiraFieldValue.Json(new JsonArray("gamma")),
                ["customfield_10034"] = new JiraFieldValue.Json(new JsonArray(new JsonObject { ["name"] = "1.0" }, new JsonObject { ["name"] = "1.1" })),
            },
        }, None);
        (await world.RunAsync(SyncMode.Sync)).Single().Pulled.ShouldBe(["specUrl", "severity", "checks", "tags", "affectedBuilds"], ignoreOrder: true);
        var task = world.Store.Get(id);
        task.Labels.ShouldBe(["spec:https://example.com/v2", "severity:S1", "tag:gamma", "build:1.0", "build:1.1"], ignoreOrder: true);
        task.ManagedSections["Checks"].Split('\n').ShouldBe(["- Performance", "- Security"], ignoreOrder: true);
        task.ManagedSections["Stakeholders"].Split('\n').ShouldBe(["- @alice", "- @bob"], ignoreOrder: true);
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.InSync);
    }

    [Fact]
    public async Task A_rule_in_the_milestone_place_writes_the_cli_s_milestone_id_not_the_title()
    {
        await using var world = await SyncWorld.CreateAsync(config =>
        {
            Rules(Rule("Target version", "milestone"))(config);
            config["sync"]!["fields"] = new JsonObject { ["milestone"] = false };
        });
        await world.CliAsync("milestone", "add", "Beta");
        await world.CliAsync("milestone", "add", "GA");
        await world.Client.CreateVersionAsync("DEMO", "Beta", None);
        await world.Client.CreateVersionAsync("DEMO", "GA", None);
        var id = await world.CreateTaskAsync("-m", "Beta", "--", "Ship it");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        (await ReadAsync(world, key, "customfield_10033")).CustomFields["customfield_10033"]!["name"]!.GetValue<string>().ShouldBe("Beta");

        await world.Client.UpdateIssueAsync(key, new JiraIssueUpdate
        {
            CustomFields = new Dictionary<string, JiraFieldValue> { ["customfield_10033"] = new JiraFieldValue.Json(new JsonObject { ["name"] = "GA" }) },
        }, None);
        (await world.RunAsync(SyncMode.Sync)).Single().Pulled.ShouldBe(["targetVersion"]);
        world.Store.Get(id).Milestone.ShouldBe("m-1");
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.InSync);
    }
}
