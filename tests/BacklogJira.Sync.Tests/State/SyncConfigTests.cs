using System.Text.Json.Nodes;
using BacklogJira.Core.Merge;
using BacklogJira.Sync.State;
using BacklogJira.Testing;

namespace BacklogJira.Sync.Tests.State;

public class SyncConfigTests
{
    [Fact]
    public void The_originals_config_reads_with_its_mappings()
    {
        const string json = """
        {
          "jira": { "baseUrl": "", "projectKey": "PROJ", "issueType": "Story", "jqlFilter": "project = PROJ" },
          "backlog": {
            "statusMapping": { "To Do": ["To Do", "Open"], "In Progress": ["In Progress"], "Done": ["Done", "Closed"] },
            "projectOverrides": { "OPS": { "backlogToJira": { "Done": ["Resolved"] }, "jiraToBacklog": { "Resolved": "Done" } } },
            "assigneeMapping": { "eciuca": "ciucteo" },
            "autoMappedAssignees": { "john": "John Doe" }
          },
          "sync": { "conflictStrategy": "prefer-jira", "enableAnnotations": false, "watchInterval": 60 },
          "mcp": { "useExternalServer": false }
        }
        """;
        var config = SyncConfig.Parse(json, "config.json");
        config.ProjectKey.ShouldBe("PROJ");
        config.IssueType.ShouldBe("Story");
        config.Strategy.ShouldBe(ConflictStrategy.PreferJira);
        config.Statuses.AcceptableJiraStatuses("Done", "OPS").ShouldBe(["Resolved"]);
        config.Statuses.ToBacklog("Closed", "PROJ").ShouldBe("Done");
        config.Assignees.ToJira("@eciuca").ShouldBe("ciucteo");
    }

    [Theory]
    [InlineData("""{"sync":{"conflictStrategy":"yolo"}}""", "'sync.conflictStrategy' is \"yolo\"; use one of")]
    [InlineData("""{"backlog":{"statusMapping":{"Done":42}}}""", "'backlog.statusMapping.Done' must be a list")]
    [InlineData("""{"jira":{"projectKey":7}}""", "'jira.projectKey' in config.json must be a string")]
    [InlineData("""{"schemaVersion":99}""", "newer than this backlog-jira understands")]
    [InlineData("""{"jira": """, "is not valid JSON")]
    [InlineData("""{"sync":{"watchInterval":"soon"}}""", "'sync.watchInterval' in config.json is \"soon\"")]
    [InlineData("""{"sync":{"watchInterval":-5}}""", "'sync.watchInterval' in config.json is -5")]
    [InlineData("""{"sync":{"watchInterval":0}}""", "'sync.watchInterval' in config.json is 0")]
    [InlineData("""{"sync":{"commentsSince":"last week"}}""", "'sync.commentsSince' in config.json is \"last week\"; use a date such as")]
    public void Invalid_config_names_the_key_and_the_fix(string json, string expected) =>
        Should.Throw<SyncConfigException>(() => SyncConfig.Parse(json, "config.json")).Message.ShouldContain(expected);

    [Fact]
    public void A_missing_project_key_says_how_to_set_it()
    {
        var config = SyncConfig.Parse("{}", "config.json");
        Should.Throw<SyncConfigException>(() => config.RequireProjectKey()).Message.ShouldContain("jira.projectKey");
    }

    [Fact]
    public async Task Saving_keeps_keys_this_version_does_not_know()
    {
        using var dir = new TempDirectory();
        var paths = new StatePaths(dir.Path);
        var json = SyncConfig.Defaults("PROJ");
        json["future"] = new JsonObject { ["setting"] = true };
        await SyncConfig.SaveAsync(paths, json, CancellationToken.None);
        var loaded = SyncConfig.Load(paths);
        loaded.Json["future"]!["setting"]!.GetValue<bool>().ShouldBeTrue();
        loaded.Json["schemaVersion"]!.GetValue<int>().ShouldBe(SyncConfig.CurrentSchemaVersion);
        loaded.ProjectKey.ShouldBe("PROJ");
        Directory.GetFiles(paths.Root).ShouldNotContain(f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_is_named_at_once()
    {
        var message = Should.Throw<SyncConfigException>(() => SyncConfig.Parse("""{"jira":{"projectKey":7,"transport":"smtp"},"sync":{"conflictStrategy":"yolo","watchInterval":"soon"}}""", "config.json")).Message;
        message.ShouldStartWith("4 problems in .backlog-jira/config.json:");
        message.ShouldContain("jira.projectKey");
        message.ShouldContain("jira.transport");
        message.ShouldContain("sync.conflictStrategy");
        message.ShouldContain("sync.watchInterval");
    }

    [Theory]
    [InlineData("""{"sync":{"watchInterval":90}}""", 90)]
    [InlineData("""{"sync":{"watchInterval":"5m"}}""", 300)]
    [InlineData("""{"sync":{}}""", 60)]
    public void The_watch_interval_reads_seconds_or_a_duration(string json, int seconds) =>
        SyncConfig.Parse(json, "config.json").WatchInterval.ShouldBe(TimeSpan.FromSeconds(seconds));

    [Fact]
    public void A_misspelt_key_is_named_with_the_key_it_was_meant_to_be()
    {
        var config = SyncConfig.Parse("""{"jira":{"projectkey":"DEMO","isueType":"Bug"},"synk":{}}""", "config.json");
        config.ProjectKey.ShouldBe("");
        config.Warnings.ShouldContain(w => w.Contains("'jira.projectkey'") && w.Contains("did you mean 'jira.projectKey'"));
        config.Warnings.ShouldContain(w => w.Contains("'jira.isueType'") && w.Contains("did you mean 'jira.issueType'"));
        config.Warnings.ShouldContain(w => w.Contains("'synk'") && w.Contains("did you mean 'sync'"));
        SyncConfig.Parse(SyncConfig.Defaults("DEMO").ToJsonString(), "config.json").Warnings.ShouldBeEmpty("the file init writes has no unknown key");
    }

    [Theory]
    [InlineData("""{"customFields":{"jira":"x"}}""", "'customFields' in config.json must be a list of rules")]
    [InlineData("""{"customFields":[{"backlog":"label:sp:"}]}""", "'customFields[0].jira' in config.json is missing")]
    [InlineData("""{"customFields":[{"jira":"Story Points","backlog":"frontmatter:sp"}]}""", "use \"label:<prefix>\"")]
    [InlineData("""{"customFields":[{"jira":"Story Points","backlog":"label:story points:"}]}""", "without spaces")]
    [InlineData("""{"customFields":[{"jira":"Notes","backlog":"section:Implementation Notes"}]}""", "a section Backlog.md owns")]
    [InlineData("""{"customFields":[{"jira":"Target","backlog":"dueDate"}]}""", "set sync.fields.dueDate to false")]
    [InlineData("""{"customFields":[{"jira":"Story Points","backlog":"label:sp:","direction":"sideways"}]}""", "use \"both\" (the default), \"toJira\" or \"toBacklog\"")]
    [InlineData("""{"customFields":[{"jira":"Risk","backlog":"label:risk:","values":{"hi":"High","high":"High"}}]}""", "maps \"hi\" and \"high\" to \"High\"")]
    [InlineData("""{"customFields":[{"jira":"A","backlog":"label:sp:"},{"jira":"B","backlog":"label:sp:x"}]}""", "both keep their value in label:sp")]
    [InlineData("""{"customFields":[{"jira":"Labels","backlog":"label:l:","name":"labels"}]}""", "the name of a built-in field")]
    [InlineData("""{"customFields":[{"jira":"Story Points","backlog":"label:sp:","colour":"red"}]}""", "'customFields[0].colour' in config.json is not a rule key")]
    public void A_custom_field_rule_that_cannot_work_is_refused_naming_the_rule_and_the_fix(string json, string message) =>
        Should.Throw<SyncConfigException>(() => SyncConfig.Parse(json, "config.json")).Message.ShouldContain(message);

    [Fact]
    public void Rules_read_with_their_defaults_and_keep_no_warning()
    {
        var config = SyncConfig.Parse("""
            {"sync":{"fields":{"dueDate":false}},"customFields":[
              {"jira":"Story Points","backlog":"label:sp:"},
              {"jira":"customfield_10024","backlog":"due_date","direction":"to-jira","projects":["OPS"]},
              {"jira":"QA Notes","backlog":"section:QA Notes","name":"qa"}]}
            """, "config.json");
        config.Warnings.ShouldBeEmpty();
        config.CustomFieldRules.Select(r => r.Name).ShouldBe(["storyPoints", "customfield10024", "qa"]);
        config.CustomFieldRules[1].Direction.ShouldBe(Core.Fields.SyncDirection.ToJira);
        config.CustomFieldRules[1].AppliesTo("ops").ShouldBeTrue();
        config.CustomFieldRules[1].AppliesTo("DEMO").ShouldBeFalse();
        config.CustomJiraFields.ShouldBe(["Story Points", "customfield_10024", "QA Notes"]);
    }
}
