using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using BacklogJira.Testing;
using Sandbox.Jira;

namespace BacklogJira.Cli.Tests.Commands;

/// <summary><c>doctor</c> and <c>connect</c> against the sandbox, healthy and with each failure injected.</summary>
public class DoctorCommandTests
{
    private static async Task<CliRun> InitializedAsync(SandboxOptions? options = null)
    {
        var cli = await CliRun.StartAsync(options);
        (await cli.RunAsync("init", "--project-key", "DEMO")).ExitCode.ShouldBe(0);
        return cli;
    }

    private static Dictionary<string, JsonNode> Checks(string json) =>
        JsonNode.Parse(json)!["checks"]!.AsArray().ToDictionary(c => c!["name"]!.GetValue<string>(), c => c!);

    [Fact]
    public async Task A_healthy_setup_passes_every_check_with_details_and_json()
    {
        await using var cli = await InitializedAsync();
        var text = await cli.RunAsync("doctor");
        text.ExitCode.ShouldBe(0, text.Stdout);
        text.Stdout.ShouldContain("✓ Backlog.md project: backlog/: 0 task(s)");
        text.Stdout.ShouldContain("✓ Jira reachable: Cloud");
        text.Stdout.ShouldContain("✓ login: as Demo User");
        text.Stdout.ShouldContain("✓ project: DEMO");
        text.Stdout.ShouldContain("✓ clock: this machine is");
        text.Stdout.ShouldContain("✓ status mapping");
        text.Stdout.ShouldContain("! git: not a git repository");
        text.Stdout.ShouldContain("    fix: Keep the backlog in git");

        var json = await cli.RunAsync("doctor", "--json");
        json.ExitCode.ShouldBe(0);
        var document = JsonNode.Parse(json.Stdout)!;
        document["schemaVersion"]!.GetValue<int>().ShouldBe(1);
        document["transport"]!.GetValue<string>().ShouldBe("rest");
        document["ok"]!.GetValue<bool>().ShouldBeTrue();
        var checks = Checks(json.Stdout);
        checks.Keys.ShouldBe([".NET runtime", "Backlog.md project", "backlog CLI", "config", "credentials", "Jira reachable", "login", "project", "permissions", "clock", "status mapping", "priority mapping", "assignee mapping", "projects and types", "real-time sync", "mappings", "git"]);
        checks["login"]["durationMs"]!.GetValue<double>().ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task Without_init_the_config_check_fails_with_the_fix()
    {
        await using var cli = await CliRun.StartAsync();
        var result = await cli.RunAsync("doctor");
        result.ExitCode.ShouldBe(1);
        result.Stdout.ShouldContain("✗ config:");
        result.Stdout.ShouldContain("fix: Run 'backlog-jira init --project-key <KEY>' with your Jira project's key.");
    }

    [Fact]
    public async Task Missing_credentials_fail_and_nothing_is_asked_of_jira()
    {
        await using var cli = await InitializedAsync();
        cli.EnvironmentOverride = new Hashtable { ["PATH"] = Environment.GetEnvironmentVariable("PATH") };
        var checks = Checks((await cli.RunAsync("doctor", "--json")).Stdout);
        checks["credentials"]["status"]!.GetValue<string>().ShouldBe("failed");
        checks["credentials"]["detail"]!.GetValue<string>().ShouldContain("JIRA_URL is not set");
        checks.ContainsKey("login").ShouldBeFalse();
    }

    [Fact]
    public async Task A_wrong_token_fails_the_login_and_never_shows_the_token()
    {
        await using var cli = await InitializedAsync();
        var env = (Hashtable)cli.Environment;
        env["JIRA_API_TOKEN"] = "wrong-token-123456";
        cli.EnvironmentOverride = env;
        var result = await cli.RunAsync("doctor");
        result.ExitCode.ShouldBe(1);
        result.Stdout.ShouldContain("✗ ");
        result.Stdout.ShouldContain("JIRA_API_TOKEN");
        result.Stdout.ShouldNotContain("wrong-token-123456");
    }

    [Fact]
    public async Task An_unreachable_jira_fails_with_the_network_fix()
    {
        await using var cli = await InitializedAsync();
        var env = (Hashtable)cli.Environment;
        env["JIRA_URL"] = "http://127.0.0.1:1";
        cli.EnvironmentOverride = env;
        var checks = Checks((await cli.RunAsync("doctor", "--json")).Stdout);
        checks["Jira reachable"]["status"]!.GetValue<string>().ShouldBe("failed");
        checks["Jira reachable"]["fix"]!.GetValue<string>().ShouldContain("Check JIRA_URL");
    }

    [Fact]
    public async Task Unknown_project_status_priority_and_user_mappings_each_fail_by_name()
    {
        await using var cli = await InitializedAsync();
        await cli.EditConfigAsync(config =>
        {
            config["jira"]!["projectKey"] = "NOPE";
            config["backlog"]!["statusMapping"]!["Done"] = new JsonArray("Finished", "Shipped");
            config["backlog"]!["priorityMapping"] = new JsonObject { ["backlogToJira"] = new JsonObject { ["high"] = new JsonArray("Urgent") } };
            config["backlog"]!["assigneeMapping"] = new JsonObject { ["ghost"] = "ghost@example.com" };
        });
        var result = await cli.RunAsync("doctor", "--json");
        result.ExitCode.ShouldBe(1);
        var checks = Checks(result.Stdout);
        checks["project"]["detail"]!.GetValue<string>().ShouldContain("NOPE");
        checks["status mapping"]["detail"]!.GetValue<string>().ShouldBe("Backlog \"Done\" maps to \"Finished\", \"Shipped\", none of which exists in Jira");
        checks["priority mapping"]["detail"]!.GetValue<string>().ShouldContain("high");
        checks["assignee mapping"]["detail"]!.GetValue<string>().ShouldContain("@ghost → ghost@example.com");
        JsonNode.Parse(result.Stdout)!["ok"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task A_mapped_project_that_is_not_there_and_a_type_the_project_lacks_are_named()
    {
        await using var cli = await InitializedAsync();
        await cli.EditConfigAsync(config =>
        {
            config["jira"]!["projectMap"] = new JsonObject { ["mobile"] = "GONE" };
            config["backlog"]!["typeMapping"] = new JsonObject { ["research"] = "Spike" };
        });
        var result = await cli.RunAsync("doctor", "--json");
        var check = Checks(result.Stdout)["projects and types"];
        check["status"]!.GetValue<string>().ShouldBe("warning");
        check["detail"]!.GetValue<string>().ShouldContain("GONE");
        check["detail"]!.GetValue<string>().ShouldContain("research → Spike");
        check["fix"]!.GetValue<string>().ShouldContain("backlog.typeMapping");
    }

    [Fact]
    public async Task Custom_field_rules_are_checked_against_jira_s_fields_screens_and_options()
    {
        await using var cli = await InitializedAsync();
        await cli.EditConfigAsync(config => config["customFields"] = new JsonArray(
            new JsonObject { ["jira"] = "Story Points", ["backlog"] = "label:sp:" },
            new JsonObject { ["jira"] = "Risk", ["backlog"] = "label:risk:", ["values"] = new JsonObject { ["high"] = "High", ["doom"] = "Doom" } }));
        var healthy = Checks((await cli.RunAsync("doctor", "--json")).Stdout)["custom fields"];
        healthy["status"]!.GetValue<string>().ShouldBe("warning");
        healthy["detail"]!.GetValue<string>().ShouldContain("rule risk maps to \"Doom\", which Risk does not allow in DEMO Task (it allows Low, Medium, High)");

        cli.Jira.Sandbox.State.Write(data => data.Projects[0].HiddenFields.Add("customfield_10016"));
        var hidden = Checks((await cli.RunAsync("doctor", "--json")).Stdout)["custom fields"];
        hidden["detail"]!.GetValue<string>().ShouldContain("Story Points (customfield_10016) is not on the create screen of DEMO Task");
        hidden["fix"]!.GetValue<string>().ShouldContain("Screens");

        await cli.EditConfigAsync(config => config["customFields"] = new JsonArray(new JsonObject { ["jira"] = "Velocity", ["backlog"] = "label:velocity:" }));
        var unknown = await cli.RunAsync("doctor", "--json");
        unknown.ExitCode.ShouldBe(1);
        Checks(unknown.Stdout)["custom fields"]["detail"]!.GetValue<string>().ShouldContain("Jira has no field \"Velocity\"");

        await cli.EditConfigAsync(config => config["customFields"] = new JsonArray(new JsonObject { ["jira"] = "Sprint", ["backlog"] = "label:sprint:" }));
        Checks((await cli.RunAsync("doctor", "--json")).Stdout)["custom fields"]["detail"]!.GetValue<string>().ShouldContain("set jira.milestoneAs to \"sprint\"");

        await cli.EditConfigAsync(config => config["customFields"] = new JsonArray(new JsonObject { ["jira"] = "Story Points", ["backlog"] = "label:sp:" }));
        cli.Jira.Sandbox.State.Write(data => data.Projects[0].HiddenFields.Clear());
        var ok = await cli.RunAsync("doctor");
        ok.Stdout.ShouldContain("✓ custom fields: storyPoints ⇄ Story Points (customfield_10016, number) in label:sp:");
    }

    [Fact]
    public async Task A_clock_twenty_minutes_off_fails_and_says_full()
    {
        await using var cli = await InitializedAsync(new SandboxOptions { Clock = new ShiftedClock(TimeSpan.FromMinutes(20)) });
        var checks = Checks((await cli.RunAsync("doctor", "--json")).Stdout);
        checks["clock"]["status"]!.GetValue<string>().ShouldBe("failed");
        checks["clock"]["detail"]!.GetValue<string>().ShouldContain("behind Jira");
        checks["clock"]["fix"]!.GetValue<string>().ShouldContain("--full");
    }

    [Fact]
    public async Task Duplicate_task_ids_fail_the_project_check()
    {
        await using var cli = await InitializedAsync();
        (await cli.BacklogAsync("task", "create", "One")).EnsureSuccess("create");
        var file = Directory.GetFiles(Path.Combine(cli.Root, "backlog", "tasks")).Single();
        File.Copy(file, Path.Combine(cli.Root, "backlog", "tasks", "task-1 - Copy.md"));
        var checks = Checks((await cli.RunAsync("doctor", "--json")).Stdout);
        checks["Backlog.md project"]["detail"]!.GetValue<string>().ShouldContain("duplicate ids: TASK-1");
    }

    [Fact]
    public async Task Through_mcp_doctor_reports_the_server_and_its_tools_and_a_missing_tool_by_name()
    {
        await using var cli = await InitializedAsync();
        var launch = SandboxMcp.Launch();
        await cli.EditConfigAsync(config => config["mcp"] = new JsonObject { ["command"] = launch.Command, ["args"] = new JsonArray([.. launch.Arguments.Select(a => (JsonNode?)a)]) });
        var healthy = await cli.RunAsync("doctor", "--transport", "mcp");
        healthy.ExitCode.ShouldBe(0, healthy.Stdout);
        healthy.Stdout.ShouldContain("✓ Jira through MCP: sandbox-jira-mcp");
        healthy.Stdout.ShouldContain("all 8 needed present");
        healthy.Stdout.ShouldContain("- status mapping: Jira's status list is not available through MCP");

        await cli.EditConfigAsync(config => config["mcp"]!["env"] = new JsonObject { ["SANDBOX_MCP_FAULTS"] = "hide=jira_transition_issue" });
        var broken = await cli.RunAsync("connect", "--transport", "mcp", "--json");
        broken.ExitCode.ShouldBe(1);
        var checks = Checks(broken.Stdout);
        checks["Jira through MCP"]["detail"]!.GetValue<string>().ShouldContain("does not offer jira_transition_issue");
        JsonNode.Parse(broken.Stdout)!["transport"]!.GetValue<string>().ShouldBe("mcp");
    }

    [Fact]
    public async Task Connect_proves_backlog_and_jira_with_timings()
    {
        await using var cli = await InitializedAsync();
        var result = await cli.RunAsync("connect");
        result.ExitCode.ShouldBe(0, result.Stdout);
        result.Stdout.ShouldContain("✓ Backlog.md: 0 task(s) read from backlog/");
        result.Stdout.ShouldMatch(@"✓ login: as Demo User[^\n]*\(\d+ ms\)");
        result.Stdout.ShouldMatch(@"✓ project: DEMO[^\n]*\(\d+ ms\)");
        result.Stdout.ShouldMatch(@"✓ permissions: browse projects, create issues, edit issues, transition issues, assign issues, add comments in DEMO \(\d+ ms\)");
        JsonDocument.Parse((await cli.RunAsync("connect", "--json")).Stdout).RootElement.GetProperty("kind").GetString().ShouldBe("connect");
    }

    [Fact]
    public async Task With_dependencies_on_the_link_type_they_travel_as_is_checked()
    {
        await using var cli = await InitializedAsync();
        await cli.EditConfigAsync(config => config["sync"]!["fields"] = new JsonObject { ["dependencies"] = true });
        var checks = Checks((await cli.RunAsync("doctor", "--json")).Stdout);
        checks["dependency links"]["status"]!.GetValue<string>().ShouldBe("ok");
        checks["dependency links"]["detail"]!.GetValue<string>().ShouldContain("the issue of TASK-2 blocks the issue of TASK-3 (Blocks)");

        await cli.EditConfigAsync(config => config["jira"]!["dependencyLinkType"] = "Depends");
        var broken = await cli.RunAsync("doctor", "--json");
        broken.ExitCode.ShouldBe(1);
        var check = Checks(broken.Stdout)["dependency links"];
        check["status"]!.GetValue<string>().ShouldBe("failed");
        check["detail"]!.GetValue<string>().ShouldBe("this Jira has no issue link type named \"Depends\"; it has \"Blocks\", \"Cloners\", \"Duplicate\", \"Relates\"");
    }

    [Fact]
    public async Task With_milestones_as_sprints_the_board_and_its_open_sprints_are_checked()
    {
        await using var cli = await InitializedAsync();
        await cli.EditConfigAsync(config => config["jira"]!["milestoneAs"] = "sprint");
        var check = Checks((await cli.RunAsync("doctor", "--json")).Stdout)["sprints"];
        check["status"]!.GetValue<string>().ShouldBe("ok");
        check["detail"]!.GetValue<string>().ShouldBe("milestones name the sprints of DEMO's scrum board; open now: none yet (plan one in Jira)");

        await cli.EditConfigAsync(config => config["jira"]!["sprintBoardId"] = 9);
        var broken = await cli.RunAsync("doctor", "--json");
        broken.ExitCode.ShouldBe(1);
        var failed = Checks(broken.Stdout)["sprints"];
        failed["status"]!.GetValue<string>().ShouldBe("failed");
        failed["detail"]!.GetValue<string>().ShouldContain("Board does not exist");
        failed["fix"]!.GetValue<string>().ShouldContain("jira.sprintBoardId");
    }

    private sealed class ShiftedClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }
}
