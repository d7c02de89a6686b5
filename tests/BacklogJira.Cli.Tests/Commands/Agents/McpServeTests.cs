using System.Text.Json.Nodes;
using BacklogJira.Core.Ports;

namespace BacklogJira.Cli.Tests.Commands.Agents;

/// <summary>Issue 19, the agents' face: <c>backlog-jira mcp serve</c> offers the operations as MCP tools, reads only
/// unless started with writes, applies exactly the plan it gave and refuses one either side has moved away from.</summary>
public class McpServeTests
{
    private static async Task<(CliRun Cli, string TaskId, string Key)> PairedAsync()
    {
        var cli = await CliRun.StartAsync();
        (await cli.RunAsync("init", "--project-key", "DEMO")).ExitCode.ShouldBe(0);
        (await cli.BacklogAsync("task", "create", "Agent task", "-d", "Words")).EnsureSuccess("create");
        (await cli.RunAsync("create-issue", "TASK-1")).ExitCode.ShouldBe(0);
        var key = cli.Jira.Sandbox.State.Read(d => d.Issues.Single().Key);
        return (cli, "TASK-1", key);
    }

    [Fact]
    public async Task Reads_by_default_with_schemas_and_annotations_and_a_write_is_refused_with_the_flag()
    {
        var (cli, taskId, key) = await PairedAsync();
        await using var _ = cli;
        await using var agent = await AgentClient.StartAsync(cli);

        var tools = await agent.Client.ListToolsAsync();
        tools.Select(t => t.Name).Order(StringComparer.Ordinal).ShouldBe(["jira_import_preview", "jira_map_propose", "jira_pair_view", "jira_search_issues", "jira_sync_plan", "jira_sync_status", "jira_task_history"]);
        foreach (var tool in tools)
        {
            tool.ProtocolTool.OutputSchema.ShouldNotBeNull(tool.Name);
            tool.ProtocolTool.Annotations!.ReadOnlyHint.ShouldBe(true, tool.Name);
        }

        var (text, status) = await agent.OkAsync("jira_sync_status");
        text.ShouldContain($"{taskId} ⇄ {key}: in-sync");
        status["pairs"]![0]!["state"]!.GetValue<string>().ShouldBe("in-sync");
        var (_, view) = await agent.OkAsync("jira_pair_view", new { taskId = "1" });
        view["fields"]!.AsArray().ShouldContain(f => f!["field"]!.GetValue<string>() == "title" && f["jira"]!.GetValue<string>().Contains("Agent task"));
        (await agent.ErrorAsync("jira_push", new { })).ShouldContain("mcp serve --allow-writes");
        (await agent.ErrorAsync("jira_sync_status", new { taskIds = new[] { "TASK-1" }, banana = 1 })).ShouldContain("unknown argument(s) banana");
        (await agent.ErrorAsync("jira_pair_view", new { taskId = "TASK-99" })).ShouldContain("TASK-99");
    }

    [Fact]
    public async Task A_plan_is_applied_exactly_and_refused_once_either_side_has_moved()
    {
        var (cli, taskId, key) = await PairedAsync();
        await using var _ = cli;
        await using var agent = await AgentClient.StartAsync(cli, "--allow-writes");
        (await cli.BacklogAsync("task", "edit", taskId, "-t", "Renamed in Backlog")).EnsureSuccess("edit");

        var (planText, plan) = await agent.OkAsync("jira_sync_plan", new { mode = "push" });
        plan["writes"]!.GetValue<int>().ShouldBe(1);
        planText.ShouldContain("title to Jira");
        using (var rest = cli.Jira.Client())
            await rest.UpdateIssueAsync(key, new JiraIssueUpdate { Labels = ["moved"] }, CancellationToken.None);
        var refused = await agent.ErrorAsync("jira_sync_apply", new { mode = "push", strategy = "manual", basis = plan["basis"] });
        refused.ShouldContain($"{taskId} changed since the plan was made");
        cli.Jira.Sandbox.State.Read(d => d.Issues.Single().Summary).ShouldBe("Agent task", "nothing of a refused plan is written");

        var (_, fresh) = await agent.OkAsync("jira_sync_plan", new { mode = "push", taskIds = new[] { taskId } });
        var (_, applied) = await agent.OkAsync("jira_sync_apply", new { mode = "push", strategy = "manual", basis = fresh["basis"] });
        applied["pairs"]![0]!["pushed"]!.AsArray().Select(f => f!.GetValue<string>()).ShouldBe(["title"]);
        cli.Jira.Sandbox.State.Read(d => d.Issues.Single().Summary).ShouldBe("Renamed in Backlog");

        var (history, logged) = await agent.OkAsync("jira_task_history", new { taskId, count = 5 });
        logged["operations"]!.AsArray().ShouldNotBeEmpty();
        history.ShouldContain("title");
        (await agent.ErrorAsync("jira_task_history", new { count = 0 })).ShouldContain("count must be a whole number from 1 to 500");
    }

    [Fact]
    public async Task Create_import_link_and_settle_a_conflict_through_the_tools()
    {
        var (cli, taskId, key) = await PairedAsync();
        await using var _ = cli;
        await using var agent = await AgentClient.StartAsync(cli, "--allow-writes");

        (await cli.BacklogAsync("task", "create", "Second task")).EnsureSuccess("create");
        var (_, preview) = await agent.OkAsync("jira_create_issue", new { taskIds = new[] { "TASK-2" }, preview = true });
        preview["pairs"]!.AsArray().Count.ShouldBe(1);
        cli.Jira.Sandbox.State.Read(d => d.Issues.Count).ShouldBe(1, "a preview creates nothing");
        var (_, created) = await agent.OkAsync("jira_create_issue", new { taskIds = new[] { "TASK-2" } });
        var secondKey = created["pairs"]![0]!["jiraKey"]!.GetValue<string>();

        cli.Jira.Sandbox.SeedIssues(2);
        var (_, toImport) = await agent.OkAsync("jira_import_preview", new { jql = "project = DEMO" });
        toImport["pairs"]!.AsArray().Count.ShouldBe(2);
        var (_, imported) = await agent.OkAsync("jira_import", new { jql = "project = DEMO" });
        imported["pairs"]!.AsArray().Count.ShouldBe(2);
        (await agent.OkAsync("jira_import_preview", new { jql = "project = DEMO" })).Structured["pairs"]!.AsArray().ShouldBeEmpty();

        (await cli.BacklogAsync("task", "create", "To link")).EnsureSuccess("create");
        using (var rest = cli.Jira.Client())
        {
            var lonely = await rest.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "To link" }, CancellationToken.None);
            var (_, proposed) = await agent.OkAsync("jira_map_propose", new { minScore = 0.9 });
            proposed["pairs"]!.AsArray().Select(p => $"{p!["taskId"]}={p["jiraKey"]}").ShouldBe([$"TASK-5={lonely.Key}"]);
            (await agent.ErrorAsync("jira_map_propose", new { minScore = 2 })).ShouldContain("minScore must be a number from 0 to 1");
            var (_, searched) = await agent.OkAsync("jira_search_issues", new { query = "link" });
            searched["issues"]!.AsArray().Single(i => i!["key"]!.GetValue<string>() == lonely.Key)!["pairedWith"].ShouldBeNull();
            var (_, link) = await agent.OkAsync("jira_link", new { taskId = "TASK-5", jiraKey = lonely.Key });
            link["jiraKey"]!.GetValue<string>().ShouldBe(lonely.Key);
            var (_, again) = await agent.OkAsync("jira_search_issues", new { query = $"key = {lonely.Key}" });
            again["issues"]![0]!["pairedWith"]!.GetValue<string>().ShouldBe("TASK-5");
            (await agent.ErrorAsync("jira_link", new { taskId = "TASK-5", jiraKey = secondKey })).ShouldContain("already mapped");

            // A title changed differently on both sides is a conflict; the agent settles it for Jira.
            (await cli.BacklogAsync("task", "edit", taskId, "-t", "Backlog's title")).EnsureSuccess("edit");
            await rest.UpdateIssueAsync(key, new JiraIssueUpdate { Summary = "Jira's title" }, CancellationToken.None);
        }
        var (_, conflicted) = await agent.OkAsync("jira_sync_status", new { taskIds = new[] { taskId } });
        conflicted["pairs"]![0]!["state"]!.GetValue<string>().ShouldBe("conflict");
        var (_, settled) = await agent.OkAsync("jira_resolve_conflict", new { taskId, choices = new JsonObject { ["title"] = "jira" } });
        settled["pair"]!["pulled"]!.AsArray().Select(f => f!.GetValue<string>()).ShouldContain("title");
        BacklogJira.BacklogMd.BacklogMdTaskStore.Open(cli.Root).Get(taskId).Title.ShouldBe("Jira's title");
        (await agent.OkAsync("jira_sync_status", new { taskIds = new[] { taskId } })).Structured["pairs"]![0]!["state"]!.GetValue<string>().ShouldBe("in-sync");

        // Both titles changed again; the agent writes the value both take.
        (await cli.BacklogAsync("task", "edit", taskId, "-t", "Backlog again")).EnsureSuccess("edit");
        using (var rest = cli.Jira.Client()) await rest.UpdateIssueAsync(key, new JiraIssueUpdate { Summary = "Jira again" }, CancellationToken.None);
        (await agent.ErrorAsync("jira_resolve_conflict", new { taskId, values = new JsonObject { ["status"] = "Done" } })).ShouldContain("cannot be written by hand");
        (await agent.ErrorAsync("jira_resolve_conflict", new { taskId })).ShouldContain("give choices");
        await agent.OkAsync("jira_resolve_conflict", new { taskId, values = new JsonObject { ["title"] = "Merged title" } });
        BacklogJira.BacklogMd.BacklogMdTaskStore.Open(cli.Root).Get(taskId).Title.ShouldBe("Merged title");
        cli.Jira.Sandbox.State.Read(d => d.Issues.Single(i => i.Key == key).Summary).ShouldBe("Merged title");
        (await agent.ErrorAsync("jira_resolve_conflict", new { taskId, values = new JsonObject { ["title"] = "Too late" } })).ShouldContain("not in conflict any more");
    }
}
