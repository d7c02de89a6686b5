using System.Collections;
using System.Text.Json.Nodes;

namespace BacklogJira.Cli.Tests.Commands.Configure;

public class ConfigureCommandTests
{
    private static async Task<CliRun> PreparedAsync()
    {
        var cli = await CliRun.StartAsync();
        (await cli.RunAsync("init", "--project-key", "OLD")).ExitCode.ShouldBe(0);
        var path = Path.Combine(cli.Root, ".backlog-jira", "config.json");
        var config = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        config["backlog"]!["assigneeMapping"] = new JsonObject { ["alice"] = "5b10a2844c20165700ede21a" };
        config["team"] = new JsonObject { ["owner"] = "platform" };
        await File.WriteAllTextAsync(path, config.ToJsonString());
        await File.WriteAllTextAsync(Path.Combine(cli.Root, ".env"), "OTHER_TOOL=keep-me\n");
        cli.EnvironmentOverride = new Hashtable { ["PATH"] = Environment.GetEnvironmentVariable("PATH") };
        return cli;
    }

    [Fact]
    public async Task Non_interactive_configure_tests_the_login_writes_config_and_dotenv_and_keeps_unknown_keys()
    {
        await using var cli = await PreparedAsync();
        var token = cli.Jira.Sandbox.Options.Token;
        var result = await cli.RunWithInputAsync(token + "\n", "configure", "--non-interactive", "--url", cli.Jira.Sandbox.BaseUrl.ToString(),
            "--email", cli.Jira.Sandbox.Options.User, "--token-stdin", "--project", "DEMO", "--strategy", "prefer-jira", "--yes");
        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("✓ Configured DEMO");
        (result.Stdout + result.Stderr).ShouldNotContain(token);

        var configText = await File.ReadAllTextAsync(Path.Combine(cli.Root, ".backlog-jira", "config.json"));
        configText.ShouldNotContain(token);
        var config = JsonNode.Parse(configText)!;
        config["jira"]!["projectKey"]!.GetValue<string>().ShouldBe("DEMO");
        config["jira"]!["issueType"]!.GetValue<string>().ShouldBe("Task");
        config["jira"]!["jqlFilter"]!.GetValue<string>().ShouldBe("project = DEMO");
        config["sync"]!["conflictStrategy"]!.GetValue<string>().ShouldBe("prefer-jira");
        config["backlog"]!["statusMapping"]!["In Progress"]!.AsArray().Select(v => v!.GetValue<string>()).ShouldBe(["In Progress", "In Review"]);
        config["backlog"]!["assigneeMapping"]!["alice"]!.GetValue<string>().ShouldBe("5b10a2844c20165700ede21a");
        config["team"]!["owner"]!.GetValue<string>().ShouldBe("platform");

        var dotEnv = await File.ReadAllTextAsync(Path.Combine(cli.Root, ".env"));
        dotEnv.ShouldStartWith("OTHER_TOOL=keep-me\n");
        dotEnv.ShouldContain($"JIRA_API_TOKEN={token}");
        (await File.ReadAllTextAsync(Path.Combine(cli.Root, ".gitignore"))).ShouldContain(".env");

        // The written setup works with nothing in the environment.
        var doctor = await cli.RunAsync("doctor");
        doctor.Stdout.ShouldContain("✓ login");
        doctor.Stdout.ShouldContain("✓ status mapping");
    }

    [Fact]
    public async Task Custom_fields_are_chosen_from_the_project_s_screen_by_name_with_their_place_and_checked_before_writing()
    {
        await using var cli = await PreparedAsync();
        string[] login = ["configure", "--non-interactive", "--url", cli.Jira.Sandbox.BaseUrl.ToString(), "--email", cli.Jira.Sandbox.Options.User, "--token-stdin", "--project", "DEMO", "--yes"];
        var token = cli.Jira.Sandbox.Options.Token + "\n";

        var wrongPlace = await cli.RunWithInputAsync(token, [.. login, "--custom-field", "QA Notes=label:qa:"]);
        wrongPlace.ExitCode.ShouldNotBe(0);
        wrongPlace.Stderr.ShouldContain("QA Notes is a rich text field and a label cannot hold rich text; use \"section:<title>\"");
        var unknown = await cli.RunWithInputAsync(token, [.. login, "--custom-field", "Sprint"]);
        unknown.Stderr.ShouldContain("\"Sprint\" is not a field a rule can map on this project's create screen; it offers: ");
        unknown.Stderr.ShouldContain("Story Points (number, customfield_10016)");

        var result = await cli.RunWithInputAsync(token, [.. login, "--custom-field", "Story Points=label:sp:", "--custom-field", "QA Notes", "--custom-field", "components", "--json"]);
        result.ExitCode.ShouldBe(0, result.Stderr);
        var rules = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(cli.Root, ".backlog-jira", "config.json")))!["customFields"]!.AsArray();
        rules.Select(r => $"{r!["name"]} {r["jira"]} {r["backlog"]}").ShouldBe(["storyPoints customfield_10016 label:sp:", "qaNotes customfield_10021 section:QA Notes", "components components label:components:"]);

        // Choosing a field again replaces its rule instead of adding a second one.
        (await cli.RunWithInputAsync(token, [.. login, "--custom-field", "customfield_10016=label:points:"])).ExitCode.ShouldBe(0);
        rules = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(cli.Root, ".backlog-jira", "config.json")))!["customFields"]!.AsArray();
        rules.Select(r => r!["backlog"]!.GetValue<string>()).ShouldBe(["section:QA Notes", "label:components:", "label:points:"]);
        (await cli.RunAsync("doctor")).Stdout.ShouldContain("✓ custom fields: qaNotes ⇄ QA Notes (customfield_10021, rich text) in section:QA Notes");
    }

    [Fact]
    public async Task A_wrong_token_fails_and_writes_nothing()
    {
        await using var cli = await PreparedAsync();
        var before = await File.ReadAllTextAsync(Path.Combine(cli.Root, ".backlog-jira", "config.json"));
        var result = await cli.RunWithInputAsync("not-the-token\n", "configure", "--non-interactive", "--url", cli.Jira.Sandbox.BaseUrl.ToString(),
            "--email", cli.Jira.Sandbox.Options.User, "--token-stdin", "--project", "DEMO");
        result.ExitCode.ShouldNotBe(0);
        result.Stderr.ShouldNotContain("not-the-token");
        (await File.ReadAllTextAsync(Path.Combine(cli.Root, ".backlog-jira", "config.json"))).ShouldBe(before);
        (await File.ReadAllTextAsync(Path.Combine(cli.Root, ".env"))).ShouldBe("OTHER_TOOL=keep-me\n");
    }

    [Fact]
    public async Task An_unknown_project_lists_the_visible_ones()
    {
        await using var cli = await PreparedAsync();
        var result = await cli.RunWithInputAsync(cli.Jira.Sandbox.Options.Token + "\n", "configure", "--non-interactive", "--url", cli.Jira.Sandbox.BaseUrl.ToString(),
            "--email", cli.Jira.Sandbox.Options.User, "--token-stdin", "--project", "NOPE");
        result.ExitCode.ShouldBe(3);
        result.Stderr.ShouldContain("Project NOPE is not visible to this user; it can see: DEMO");
    }
}
