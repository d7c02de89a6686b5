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
}
